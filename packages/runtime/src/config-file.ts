import { readFile } from 'node:fs/promises';
import type { Failure, Result } from '@credence/core';
import { RuntimeError } from './errors';

/**
 * Reads a JSON configuration file (a policy, the rate tables, the company settings) and checks it with
 * `parse`; an unreadable or invalid file is a `usage` RuntimeError naming the file and the problem.
 */
export async function readJsonConfig<T>(
  path: string,
  what: string,
  parse: (json: unknown) => Result<T>,
  problem: (f: Failure) => string = (f) => String(f.params.reason),
): Promise<T> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new RuntimeError('usage', `cannot read the ${what} ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const p = parse(json);
  if (!p.ok) throw new RuntimeError('usage', `${path}: ${problem(p.error)}`);
  return p.value;
}
