import { describe, expect, it } from 'vitest';
import { jaroWinkler, nameScore, normaliseName } from './names';
import { identifyPayer, payerByName } from './payer';
import { DEFAULT_MATCH_POLICY as policy } from './policy';
import type { BankLine, CandidateBuyer } from './types';

describe('company names', () => {
  it.each([
    ['ACME GmbH', 'acme'],
    ['Acme G.m.b.H.', 'acme'],
    ['Müller & Söhne KG', 'muller sohne'],
    ['Blue Ocean Trading Co., Ltd.', 'blue ocean trading'],
    ['深圳市宏达电子有限公司', '深圳市宏达电子'],
    ['台灣精密股份有限公司', '台灣精密'],
    ['ＡＣＭＥ　ＬＴＤ', 'acme'],
  ])('normalises %j to %j', (name, expected) => {
    expect(normaliseName(name)).toBe(expected);
  });

  it('Jaro-Winkler of the textbook pairs', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('scores legal forms, case and word order away; a typo costs little, another company much', () => {
    expect(nameScore('ACME GMBH', 'Acme GmbH')).toBe(1);
    expect(nameScore('Trading Blue Ocean Ltd', 'Blue Ocean Trading Co., Ltd.')).toBe(1);
    expect(nameScore('Blue Ocaen Trading', 'Blue Ocean Trading Ltd')).toBeGreaterThan(0.95);
    expect(nameScore('Red River Foods', 'Blue Ocean Trading Ltd')).toBeLessThan(0.7);
    expect(nameScore('GmbH', 'Acme GmbH')).toBe(0);
  });
});

const buyers: CandidateBuyer[] = [
  { id: 'B1', name: 'Blue Ocean Trading Ltd', ibans: ['DE89 3704 0044 0532 0130 00'] },
  { id: 'B2', name: 'Nordwind Logistik GmbH', aliases: ['Nordwind'] },
  { id: 'B3', name: 'Nordwind Logistic GmbH' },
  { id: 'G1', name: 'Alpha Holding AG', ibans: ['CH9300762011623852957'] },
  { id: 'G2', name: 'Alpha Werke AG', ibans: ['CH9300762011623852957'] },
];
const line = (over: Partial<BankLine>): BankLine => ({
  amount: 100n,
  currency: 'EUR' as BankLine['currency'],
  creditDebit: 'credit',
  bookingDate: '2024-06-30' as BankLine['bookingDate'],
  reversal: false,
  ...over,
});

describe('the payer', () => {
  it('a known IBAN names its buyer, whatever the name says', () => {
    const p = identifyPayer(line({ payerIban: 'de89370400440532013000', payerName: 'Someone Else' }), buyers, policy);
    expect(p.buyerId).toBe('B1');
    expect(p.weight).toBe(policy.weights.iban);
    expect(p.reasons.map((r) => r.code)).toEqual(['iban_known']);
  });

  it('an IBAN shared by several buyers is settled by the name among them', () => {
    const p = identifyPayer(line({ payerIban: 'CH9300762011623852957', payerName: 'ALPHA WERKE' }), buyers, policy);
    expect(p.buyerId).toBe('G2');
    expect(p.reasons.map((r) => r.code)).toEqual(['iban_shared', 'name_match']);
  });

  it('without a known IBAN, a name with a typo above the cut-off matches', () => {
    const p = identifyPayer(line({ payerName: 'BLUE OCAEN TRADING LIMITED' }), buyers, policy);
    expect(p.buyerId).toBe('B1');
    expect(p.weight).toBeGreaterThan(policy.weights.nameLow);
    expect(p.weight).toBeLessThanOrEqual(policy.weights.nameHigh);
  });

  it('a tie between two buyers is no match', () => {
    // "Nordwind Logist GmbH" is as near to Logistik as to Logistic.
    const r = payerByName('Nordwind Logisti GmbH', buyers, policy);
    expect(r.buyerId).toBeUndefined();
    expect(r.reasons[0]?.code).toBe('name_tie');
  });

  it('a name below the cut-off is no match', () => {
    const r = payerByName('Green Valley Farms', buyers, policy);
    expect(r.buyerId).toBeUndefined();
    expect(r.reasons[0]?.code).toBe('name_below_cutoff');
    expect(identifyPayer(line({ payerName: 'Green Valley Farms' }), buyers, policy).buyerId).toBeUndefined();
  });

  it('an alias counts as a name', () => {
    expect(payerByName('NORDWIND', buyers, policy).buyerId).toBe('B2');
  });
});
