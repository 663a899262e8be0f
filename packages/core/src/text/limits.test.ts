import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocumentNumber, checkEmail, checkIdentifier, checkText, TEXT_LIMITS, truncateText } from './limits';

const reason = (r: { ok: boolean; error?: { params: Readonly<Record<string, unknown>> } }) =>
  r.ok ? 'ok' : r.error?.params.reason;

describe('checkDocumentNumber', () => {
  it.each([
    ['INV/2026/0001', 'ok'],
    ['RE-2026-0001', 'ok'],
    ['../../x', 'path_separator'],
    ['/INV/1', 'path_separator'],
    ['INV//1', 'path_separator'],
    ['INV/1/', 'path_separator'],
    ['INV/./1', 'path_separator'],
    ['INV\\1', 'path_separator'],
    ['INV/\u0000/1', 'unprintable'],
    [`INV/${'x'.repeat(61)}`, 'too_long'],
  ])('%j → %s', (n, expected) => {
    expect(reason(checkDocumentNumber(n))).toBe(expected);
  });
});

describe('checkIdentifier', () => {
  it.each([
    ['B001', 'ok'],
    ['Müller & Söhne GmbH', 'ok'],
    ['北京-001', 'ok'],
    ['x'.repeat(64), 'ok'],
    ['x'.repeat(65), 'too_long'],
    ['😀'.repeat(64), 'ok'],
    ['../../x', 'path_separator'],
    ['a\\b', 'path_separator'],
    ['.', 'dot_name'],
    ['..', 'dot_name'],
    ['a\u0000b', 'unprintable'],
    ['a\nb', 'unprintable'],
    ['a\u202Eb', 'unprintable'],
    [' B1', 'surrounding_space'],
    ['B1 ', 'surrounding_space'],
  ])('%j → %s', (id, expected) => {
    expect(reason(checkIdentifier(id))).toBe(expected);
  });

  it('an empty id is a missing field', () => {
    expect(checkIdentifier('')).toMatchObject({ ok: false, error: { code: 'missing_field' } });
  });

  it('too long says how long it may be', () => {
    expect(checkIdentifier('x'.repeat(100))).toEqual({
      ok: false,
      error: { code: 'invalid_field', params: { reason: 'too_long', max: 64 } },
    });
  });
});

describe('checkEmail', () => {
  it.each([
    ['ap@buyer.example', 'ok'],
    ['a.b+c@mail.buyer.example', 'ok'],
    ['no-at-sign', 'email'],
    ['@buyer.example', 'email'],
    ['a@b@c.example', 'email'],
    ['a b@c.example', 'email'],
    ['a@c.example, victim@x.example', 'email'],
    ['A <a@c.example>', 'email'],
    ['a@c.example\r\nBcc: x@y.example', 'email'],
    ['a@.example', 'email'],
    [`${'x'.repeat(65)}@c.example`, 'email'],
    [`a@${'x'.repeat(260)}.example`, 'too_long'],
  ])('%j → %s', (e, expected) => {
    expect(reason(checkEmail(e))).toBe(expected);
  });
});

describe('checkText', () => {
  it('bounds each kind by its limit', () => {
    expect(checkText('x'.repeat(TEXT_LIMITS.name), 'name').ok).toBe(true);
    expect(checkText('x'.repeat(100_000), 'name')).toMatchObject({
      ok: false,
      error: { code: 'invalid_field', params: { reason: 'too_long', max: 200 } },
    });
    expect(checkText('x'.repeat(2000), 'note').ok).toBe(true);
    expect(reason(checkText('x'.repeat(2001), 'note'))).toBe('too_long');
  });

  it('bounds an address per line and as a whole', () => {
    const line = 'x'.repeat(500);
    expect(checkText(`${line} | ${line}`, 'address').ok).toBe(true);
    expect(checkText(`${line}x | short`, 'address')).toMatchObject({
      ok: false,
      error: { params: { reason: 'too_long', max: 500, per: 'line' } },
    });
    expect(reason(checkText(Array(5).fill(line).join('\n'), 'address'))).toBe('too_long');
  });

  it('keeps line breaks and tabs in free text, refuses other control characters', () => {
    expect(checkText('first line\nsecond\tcolumn', 'note').ok).toBe(true);
    expect(reason(checkText('nul \u0000 byte', 'note'))).toBe('unprintable');
    expect(reason(checkText('escape \u001b[31m', 'name'))).toBe('unprintable');
  });
});

describe('truncateText', () => {
  it('leaves short text alone and cuts long text with an ellipsis', () => {
    expect(truncateText('Acme', 10)).toBe('Acme');
    expect(truncateText('x'.repeat(100_000), 200)).toBe(`${'x'.repeat(199)}…`);
  });

  it('never exceeds the bound and never splits a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 1, max: 100 }), (s, max) => {
        const t = truncateText(s, max);
        expect([...t].length).toBeLessThanOrEqual(max);
        if ([...s].length <= max) expect(t).toBe(s);
        else expect(s.startsWith(t.slice(0, -1))).toBe(true);
        expect(t).not.toMatch(/[\uD800-\uDBFF]$/);
      }),
    );
  });
});
