import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRfs, formatRf, isValidRf, letterReference, makeRf, statementReference } from './rf';

describe('ISO 11649 RF references', () => {
  it('makes the check digits of the standard example', () => {
    // ISO 11649's example: body 539007547034 → RF18 5390 0754 7034.
    expect(makeRf('539007547034')).toBe('RF18539007547034');
    expect(formatRf('RF18539007547034')).toBe('RF18 5390 0754 7034');
  });

  it('validates with mod 97, spaces and case aside', () => {
    expect(isValidRf('RF18 5390 0754 7034')).toBe(true);
    expect(isValidRf('rf18539007547034')).toBe(true);
    expect(isValidRf('RF19 5390 0754 7034')).toBe(false);
    expect(isValidRf('RF18 5390 0754 7043')).toBe(false);
    expect(isValidRf('RF18')).toBe(false);
    expect(isValidRf(`RF00${'1'.repeat(22)}`)).toBe(false);
  });

  it('refuses a body that is not 1–21 letters or digits', () => {
    expect(() => makeRf('')).toThrow(RangeError);
    expect(() => makeRf('A'.repeat(22))).toThrow(RangeError);
  });

  it('every made reference is valid, and any one character changed in its class is caught', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{1,21}$/), fc.nat(), (body, at) => {
        const rf = makeRf(body);
        expect(isValidRf(rf)).toBe(true);
        const i = 4 + (at % body.length);
        // Mod 97 catches any one substitution within a class (digit for digit, letter for letter).
        const c = rf[i] as string;
        const other = /\d/.test(c) ? (c === '7' ? '8' : '7') : c === 'K' ? 'Q' : 'K';
        expect(isValidRf(rf.slice(0, i) + other + rf.slice(i + 1))).toBe(false);
      }),
    );
  });

  it('letter and statement references are deterministic, valid and distinct', () => {
    const a = letterReference('L-20240630-B1-reminder');
    expect(a).toBe(letterReference('L-20240630-B1-reminder'));
    expect(isValidRf(a)).toBe(true);
    expect(a).toHaveLength(18);
    expect(letterReference('L-20240630-B2-reminder')).not.toBe(a);
    const s = statementReference('B1', '2024-06-30');
    expect(isValidRf(s)).toBe(true);
    expect(s).not.toBe(statementReference('B1', '2024-07-31'));
  });

  it('finds a reference in free text, typed in groups of four or glued', () => {
    expect(findRfs('Zahlung RF18 5390 0754 7034 Danke')).toEqual(['RF18539007547034']);
    expect(findRfs('ref:rf18539007547034/inv 12')).toEqual(['RF18539007547034']);
    expect(findRfs('RF19 5390 0754 7034')).toEqual([]);
    expect(findRfs('no reference here')).toEqual([]);
  });
});
