import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from '../src/hash';

describe('contentHash', () => {
  it('ignores key order and undefined members, writes bigints as strings', () => {
    expect(canonicalJson({ b: 2n ** 70n, a: 'x', c: undefined })).toBe('{"a":"x","b":"1180591620717411303424"}');
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    expect(contentHash({ a: 1n })).not.toBe(contentHash({ a: 2n }));
    expect(contentHash({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  });
});

describe('documentHash', () => {
  it('is the content hash of the document, its optional VAT included (and a document without VAT hashes as before)', async () => {
    const { documentHash } = await import('../src/import/row-hash');
    const base = {
      number: 'I-1',
      buyerId: 'B1',
      type: 'invoice',
      issueDate: '2026-01-10',
      dueDate: '2026-02-09',
      amount: 11_900n,
      currency: 'EUR',
    } as unknown as Parameters<typeof documentHash>[0];
    const withVat = { ...base, vat: 1_900n };
    expect(documentHash(withVat)).toBe(contentHash(withVat));
    expect(documentHash(base)).toBe(contentHash(base));
    expect(documentHash(withVat)).not.toBe(documentHash(base));
  });
});
