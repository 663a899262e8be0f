/** The worked examples of docs/domain/expected-credit-loss.md, including IFRS 9's illustrative provision matrix. */
import {
  type CurrencyCode,
  type Fraction,
  parseFraction,
  parseMoney,
  percentText,
  provisionMatrix,
  rollRateLossRates,
  toDecimalString,
} from '@credence/core';
import { describe, expect, it } from 'vitest';
import { cell, readDocTables } from './doc-tables';

const tables = readDocTables(new URL('./expected-credit-loss.md', import.meta.url));
const minor = (s: string, c: string) => {
  const m = parseMoney(s, c);
  if (!m.ok) throw new Error(s);
  return m.value.amount;
};
const fraction = (s: string): Fraction => {
  const f = parseFraction(s);
  if (!f.ok) throw new Error(s);
  return f.value;
};
const text = (amount: bigint, c: string) => toDecimalString({ amount, currency: c as CurrencyCode });

describe('docs/domain/expected-credit-loss.md', () => {
  const matrices = tables.filter((t) => t.name === 'ecl-matrix');
  it('has its examples', () => expect(matrices.length).toBe(2));
  it.each(matrices.map((t, i) => [i + 1, t] as const))('provision matrix, example %i', (_, t) => {
    const c = t.attrs.currency ?? 'EUR';
    const buckets = t.rows.map((r) => ({
      label: cell(r, 'bucket'),
      exposure: minor(cell(r, 'exposure'), c),
      ...(r.insured !== undefined ? { insured: minor(cell(r, 'insured'), c) } : {}),
    }));
    const rates = Object.fromEntries(t.rows.map((r) => [cell(r, 'bucket'), fraction(cell(r, 'rate'))]));
    const m = provisionMatrix(buckets, rates, {
      factor: fraction(t.attrs.factor ?? '1'),
      ...(t.attrs.cover !== undefined ? { cover: fraction(t.attrs.cover) } : {}),
    });
    if (!m.ok) throw new Error(JSON.stringify(m.error));
    expect(m.value.buckets.map((b) => [b.label, percentText(b.lossRate), text(b.provision, c)])).toEqual(
      t.rows.map((r) => [cell(r, 'bucket'), cell(r, 'loss rate'), cell(r, 'provision')]),
    );
    expect(text(m.value.total, c)).toBe(t.attrs.total);
  });

  it('roll rates from month-end balances, and the provision they give', () => {
    const snap = tables.find((t) => t.name === 'roll-snapshots');
    const want = tables.find((t) => t.name === 'roll-matrix');
    if (snap === undefined || want === undefined) throw new Error('tables missing');
    const c = want.attrs.currency ?? 'EUR';
    const labels = want.rows.map((r) => cell(r, 'bucket'));
    const snapshots = snap.rows.map((r) => labels.map((l) => minor(cell(r, l), c)));
    const { rates } = rollRateLossRates(snapshots);
    const last = snapshots[snapshots.length - 1] ?? [];
    const m = provisionMatrix(
      labels.map((label, j) => ({ label, exposure: last[j] ?? 0n })),
      Object.fromEntries(labels.map((l, j) => [l, rates[j] as Fraction])),
    );
    if (!m.ok) throw new Error(JSON.stringify(m.error));
    expect(
      m.value.buckets.map((b) => [b.label, text(b.exposure, c), percentText(b.lossRate), text(b.provision, c)]),
    ).toEqual(
      want.rows.map((r) => [cell(r, 'bucket'), cell(r, 'exposure'), cell(r, 'loss rate'), cell(r, 'provision')]),
    );
    expect(text(m.value.total, c)).toBe(want.attrs.total);
  });
});
