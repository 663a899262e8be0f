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
