import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted, `undefined` members left out, bigints as decimal strings
 * (`12n` and `'12'` hash alike, which is fine: every field has one type). Arrays keep their order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      const o = value as Record<string, unknown>;
      const keys = Object.keys(o).sort();
      let out = '';
      for (const k of keys) {
        const v = o[k];
        if (v === undefined) continue;
        out += `${out === '' ? '' : ','}${JSON.stringify(k)}:${canonicalJson(v)}`;
      }
      return `{${out}}`;
    }
    default:
      throw new TypeError(`cannot hash a ${typeof value}`);
  }
}

/** sha256 (hex) of the canonical serialization: the content hash stored with every ledger entry. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
