import { readFile } from 'node:fs/promises';
import { type ImportKind, type Mapping, parseMapping } from '@credence/app';
import type { Failure, Result } from '@credence/core';

/** Reads and validates a mapping file (docs/import.md); JSON syntax errors are reported as problems too. */
export async function readMappingFile(path: string, kind: ImportKind): Promise<Result<Mapping, Failure[]>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ok: false, error: [{ code: 'not_found', params: { file: path } }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return {
      ok: false,
      error: [{ code: 'invalid_field', params: { file: path, reason: 'not_json', detail: String(e) } }],
    };
  }
  const r = parseMapping(json, kind);
  return r.ok ? r : { ok: false, error: r.error.map((p) => ({ ...p, params: { file: path, ...p.params } })) };
}
