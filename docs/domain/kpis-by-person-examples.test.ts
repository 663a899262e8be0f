/**
 * The per-person example of docs/domain/kpis.md: `reportKpisByPerson` over the page's documents and allocations,
 * its inputs per person and month from core's `kpiInputsFromItems` (the reference the store's grouped read is
 * tested against in packages/db/test/kpis-by-person.test.ts).
 */
import { type KpiPerson, type PersonKpiReads, type PersonKpiRow, reportKpisByPerson } from '@credence/app';
import {
  type Allocation,
  type CurrencyCode,
  type DocumentType,
  date,
  kpiInputsFromItems,
  type LedgerDocument,
  parseMoney,
  toDecimalString,
} from '@credence/core';
import { describe, expect, it } from 'vitest';
import { cell, readDocTables, table } from './doc-tables';

const tables = readDocTables(new URL('./kpis.md', import.meta.url));
const EUR = 'EUR' as CurrencyCode;
const eur = (s: string) => {
  const m = parseMoney(s, EUR);
  if (!m.ok) throw new Error(s);
  return m.value.amount;
};
const docs: LedgerDocument[] = table(tables, 'documents').rows.map((r) => ({
  number: cell(r, 'number'),
  buyerId: cell(r, 'buyer'),
  type: cell(r, 'type') as DocumentType,
  issueDate: date(cell(r, 'issue date')),
  dueDate: date(cell(r, 'due date')),
  amount: eur(cell(r, 'amount')),
  currency: EUR,
}));
const allocs: Allocation[] = table(tables, 'allocations').rows.map((r) => {
  const d = docs.find((x) => x.number === cell(r, 'document'));
  if (!d) throw new Error(cell(r, 'document'));
  return {
    kind: cell(r, 'kind') as Allocation['kind'],
    entryId: cell(r, 'entry'),
    documentNumber: d.number,
    buyerId: d.buyerId,
    date: date(cell(r, 'date')),
    delta: eur(cell(r, 'delta')),
    currency: EUR,
  };
});
const owner = new Map(table(tables, 'owners').rows.map((r) => [cell(r, 'buyer'), cell(r, 'sales owner')]));

const reads: PersonKpiReads = {
  personKpiInputs: async (_by: KpiPerson, months) => {
    const out: PersonKpiRow[] = [];
    for (const person of [...new Set(owner.values())]) {
      const mine = docs.filter((d) => owner.get(d.buyerId) === person);
      const numbers = new Set(mine.filter((d) => d.type === 'invoice').map((d) => d.number));
      months.forEach((m, month) => {
        const k = kpiInputsFromItems(mine, allocs, EUR, m.from, m.to);
        const collected = -allocs
          .filter((a) => a.kind === 'payment' && numbers.has(a.documentNumber) && a.date >= m.from && a.date <= m.to)
          .reduce((s, a) => s + a.delta, 0n);
        out.push({ ...k, person, currency: EUR, month, collected });
      });
    }
    return out;
  },
};

describe('docs/domain/kpis.md, per person', () => {
  const t = tables.find((x) => x.name === 'person-kpis');
  it('gives each person’s KPIs month by month', async () => {
    if (t === undefined) throw new Error('table person-kpis missing');
    const r = await reportKpisByPerson(reads, {
      by: t.attrs.by as KpiPerson,
      from: date(t.attrs.from ?? ''),
      to: date(t.attrs.to ?? ''),
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const v = (x: number | null) => (x === null ? '' : String(x));
    const got = r.value.people.flatMap((p) =>
      p.months.map((m) => [
        p.person,
        m.month,
        v(m.kpis.dso),
        v(m.kpis.overduePercent),
        v(m.kpis.cei),
        toDecimalString({ amount: m.collected, currency: EUR }),
      ]),
    );
    expect(got).toEqual(
      t.rows.map((row) =>
        ['person', 'month', 'DSO', 'overdue %', 'CEI', 'collected'].map((k) => (row[k] ?? '').trim()),
      ),
    );
  });
});
