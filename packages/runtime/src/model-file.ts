import { readFile, writeFile } from 'node:fs/promises';
import type { GbdtModel } from '@credence/core';
import { RuntimeError } from './errors';
import { shippedPath } from './paths';

/** The model Credence ships: trained on the public Polish bankruptcy data (see docs/domain/scoring.md). */
export const DEFAULT_MODEL = shippedPath('models/default-pd.json');

/** Reads a model file, refusing anything that is not a Credence GBDT model (a `usage` RuntimeError). */
export async function readModelFile(path: string): Promise<GbdtModel> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new RuntimeError('usage', `cannot read the model ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    throw new RuntimeError('usage', `${path} is not JSON`);
  }
  const o = m as Partial<GbdtModel>;
  if (
    o.format !== 'credence-gbdt/1' ||
    !Array.isArray(o.features) ||
    !o.features.every((f) => typeof f === 'string') ||
    typeof o.base !== 'number' ||
    !Array.isArray(o.trees)
  )
    throw new RuntimeError('usage', `${path} is not a Credence model (format credence-gbdt/1)`);
  return o as GbdtModel;
}

export async function writeModelFile(path: string, model: GbdtModel): Promise<void> {
  await writeFile(path, `${JSON.stringify(model)}\n`);
}
