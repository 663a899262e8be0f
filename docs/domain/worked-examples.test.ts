/**
 * The worked examples of docs/domain/*.md are tests: this file reads the tables of each page, runs the
 * core functions on the input tables and checks every expected figure written in the page.
 */
import {
  type Allocation,
  ageOpenItems,
  type BucketSet,
  type BusinessDate,
  behaviourSums,
  bucketIndex,
  bucketSet,
  type CurrencyCode,
  computeKpis,
  convert,
  type DocumentType,
  daysBetween,
  daysOverdue,
  divideRounded,
  type FxRate,
  kpiInputsFromItems,
  type LedgerDocument,
  type Money,
  openItemsAsOf,
  parseBuckets,
  parseCurrency,
  parseDate,
  parseDecimal,
  parseMoney,
  paymentBehaviour,
  paymentSettlements,
  type Result,
  type RoundingMode,
  type Settlement,
  splitLargestRemainder,
} from '@credence/core';
import { describe, expect, it } from 'vitest';
import { cell, type DocTable, readDocTables, table } from './doc-tables';

const must = <T>(r: Result<T>, what: string): T => {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${JSON.stringify(r.error.params)}`);
  return r.value;
};
const currency = (c: string): CurrencyCode => must(parseCurrency(c), c);
const day = (s: string): BusinessDate => must(parseDate(s), s);
const amount = (s: string, c: string): Money => must(parseMoney(s, c), `${s} ${c}`);
const EUR = currency('EUR');
const eur = (s: string): bigint => amount(s, 'EUR').amount;

type Row = Readonly<Record<string, string>>;

function documents(t: DocTable): LedgerDocument[] {
  return t.rows.map((r) => ({
    number: cell(r, 'number'),
    buyerId: cell(r, 'buyer'),
    type: cell(r, 'type') as DocumentType,
    issueDate: day(cell(r, 'issue date')),
    dueDate: day(cell(r, 'due date')),
    amount: eur(cell(r, 'amount')),
    currency: EUR,
  }));
}

function allocations(t: DocTable, docs: readonly LedgerDocument[]): Allocation[] {
  return t.rows.map((r) => {
    const d = docs.find((x) => x.number === cell(r, 'document'));
    if (!d) throw new Error(`allocation on unknown document ${cell(r, 'document')}`);
    return {
      kind: cell(r, 'kind') as Allocation['kind'],
      entryId: cell(r, 'entry'),
      documentNumber: d.number,
      buyerId: d.buyerId,
      date: day(cell(r, 'date')),
      delta: eur(cell(r, 'delta')),
      currency: EUR,
    };
  });
}

const bucketsOf = (t: DocTable): BucketSet =>
  t.attrs.buckets === undefined ? must(bucketSet(), 'default buckets') : must(parseBuckets(t.attrs.buckets), 'buckets');

describe('docs/domain/aging.md', () => {
  const tables = readDocTables(new URL('./aging.md', import.meta.url));
  const docs = documents(table(tables, 'documents'));
  const allocs = allocations(table(tables, 'allocations'), docs);
  const DEFAULT = must(bucketSet(), 'default buckets');

  const openItemTables = tables.filter((t) => t.name === 'open-items');
  const agingTables = tables.filter((t) => t.name === 'aging');
  it('has its example tables', () => {
    expect(openItemTables.length).toBeGreaterThanOrEqual(2);
    expect(agingTables.length).toBeGreaterThanOrEqual(5);
  });

  for (const t of openItemTables) {
    it(`open items as of ${t.attrs.asOf}`, () => {
      const asOf = day(cell(t.attrs, 'asOf'));
      const got = openItemsAsOf(docs, allocs, asOf).map((i) => ({
        number: i.number,
        open: i.open,
        days: daysOverdue(i.dueDate, asOf),
        bucket: DEFAULT.labels[bucketIndex(DEFAULT, daysOverdue(i.dueDate, asOf))],
      }));
      const want = t.rows.map((r) => ({
        number: cell(r, 'number'),
        open: eur(cell(r, 'open')),
        days: Number(cell(r, 'days overdue')),
        bucket: cell(r, 'bucket'),
      }));
      const byNumber = (a: { number: string }, b: { number: string }) => a.number.localeCompare(b.number);
      expect(got.sort(byNumber)).toEqual(want.sort(byNumber));
    });
  }

  for (const t of agingTables) {
    const label = Object.entries(t.attrs)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    it(`aging ${label}`, () => {
      const asOf = day(cell(t.attrs, 'asOf'));
      const buyer = t.attrs.buyer;
      const reports = ageOpenItems(openItemsAsOf(docs, allocs, asOf), asOf, bucketsOf(t), buyer !== undefined);
      const report = reports.find((r) => r.buyerId === buyer);
      expect(reports).toHaveLength(buyer === undefined ? 1 : new Set(docs.map((d) => d.buyerId)).size);
      const rows = t.rows.filter((r) => cell(r, 'bucket') !== 'total');
      const total = t.rows.find((r) => cell(r, 'bucket') === 'total') as Row;
      expect(report?.buckets).toEqual(
        rows.map((r) => ({
          label: cell(r, 'bucket'),
          amount: eur(cell(r, 'amount')),
          count: Number(cell(r, 'count')),
        })),
      );
      expect(report?.total).toBe(eur(cell(total, 'amount')));
      expect(report?.count).toBe(Number(cell(total, 'count')));
    });
  }

  it('boundaries', () => {
    for (const r of table(tables, 'boundaries').rows) {
      const days = daysOverdue(day(cell(r, 'due date')), day(cell(r, 'as of')));
      expect(days).toBe(Number(cell(r, 'days overdue')));
      expect(DEFAULT.labels[bucketIndex(DEFAULT, days)]).toBe(cell(r, 'default bucket'));
    }
  });
});

describe('docs/domain/kpis.md', () => {
  const tables = readDocTables(new URL('./kpis.md', import.meta.url));
  const docs = documents(table(tables, 'documents'));
  const allocs = allocations(table(tables, 'allocations'), docs);
  const period = { from: '2024-01-01', asOf: '2024-03-31' };
  const from = day(period.from);
  const asOf = day(period.asOf);
  const inputs = kpiInputsFromItems(docs, allocs, EUR, from, asOf);

  it('KPI inputs', () => {
    for (const r of table(tables, 'kpi-inputs', period).rows) {
      const field = cell(r, 'field') as 'totalAr' | 'currentAr' | 'beginningAr' | 'creditSales';
      expect([field, inputs[field]]).toEqual([field, eur(cell(r, 'value'))]);
    }
  });

  it('monthly sales for the countback', () => {
    const rows = table(tables, 'monthly-sales', period).rows;
    expect(inputs.monthlySales.slice(0, rows.length)).toEqual(
      rows.map((r) => ({ from: cell(r, 'window from'), to: cell(r, 'window to'), sales: eur(cell(r, 'sales')) })),
    );
    for (const r of rows) {
      expect(daysBetween(day(cell(r, 'window from')), day(cell(r, 'window to'))) + 1).toBe(Number(cell(r, 'days')));
    }
    expect(inputs.monthlySales.slice(rows.length).every((m) => m.sales === 0n)).toBe(true);
  });

  it('KPIs', () => {
    const k = computeKpis(inputs);
    const t = table(tables, 'kpis', period);
    expect(t.rows.length).toBeGreaterThanOrEqual(8);
    for (const r of t.rows) {
      const field = cell(r, 'field') as keyof typeof k;
      const got = k[field];
      const want = typeof got === 'bigint' ? eur(cell(r, 'value')) : Number(cell(r, 'value'));
      expect([field, got]).toEqual([field, want]);
    }
  });

  // A settlement is a payment row that reduced an invoice, dated in [from, asOf]; credit notes are not
  // payments. (No reversals in this example, so no netting is needed.)
  const settled = allocs.flatMap((a) => {
    const d = docs.find((x) => x.number === a.documentNumber);
    if (d?.type !== 'invoice' || a.delta >= 0n || a.kind !== 'payment') return [];
    if (a.date < from || a.date > asOf) return [];
    return [{ entry: a.entryId, invoice: d, paidOn: a.date, amount: -a.delta }];
  });

  it('settlements', () => {
    const got = settled.map((s) => ({
      buyer: s.invoice.buyerId,
      invoice: s.invoice.number,
      entry: s.entry,
      issue: s.invoice.issueDate as string,
      due: s.invoice.dueDate as string,
      paidOn: s.paidOn as string,
      amount: s.amount,
      daysToPay: daysBetween(s.invoice.issueDate, s.paidOn),
      daysBeyond: Math.max(0, daysBetween(s.invoice.dueDate, s.paidOn)),
    }));
    const want = table(tables, 'settlements', period).rows.map((r) => ({
      buyer: cell(r, 'buyer'),
      invoice: cell(r, 'invoice'),
      entry: cell(r, 'entry'),
      issue: cell(r, 'issue date'),
      due: cell(r, 'due date'),
      paidOn: cell(r, 'paid on'),
      amount: eur(cell(r, 'amount')),
      daysToPay: Number(cell(r, 'days to pay')),
      daysBeyond: Number(cell(r, 'days beyond terms')),
    }));
    expect(got).toEqual(want);
  });

  it('payment behaviour per buyer', () => {
    const settlements: Settlement[] = settled.map((s) => ({
      buyerId: s.invoice.buyerId,
      currency: s.invoice.currency,
      issueDate: s.invoice.issueDate,
      dueDate: s.invoice.dueDate,
      paidOn: s.paidOn,
      amount: s.amount,
    }));
    expect(paymentSettlements(docs, allocs, from, asOf)).toEqual(settlements);
    const sums = behaviourSums(settlements);
    const rows = table(tables, 'behaviour', period).rows;
    expect(sums).toHaveLength(rows.length);
    for (const r of rows) {
      const sum = sums.find((x) => x.buyerId === cell(r, 'buyer'));
      // (Late count and longest delay are checked in core's payment-behaviour tests.)
      expect(sum).toMatchObject({
        buyerId: cell(r, 'buyer'),
        currency: EUR,
        settledAmount: eur(cell(r, 'settled')),
        settlements: Number(cell(r, 'settlements')),
        amountTimesDaysToPay: eur(cell(r, 'amount × days to pay')),
        amountTimesDaysLate: eur(cell(r, 'amount × days beyond terms')),
      });
      const b = sum && paymentBehaviour(sum);
      expect(b?.averageDaysToPay).toBe(Number(cell(r, 'average days to pay')));
      expect(b?.weightedDaysBeyondTerms).toBe(Number(cell(r, 'weighted days beyond terms')));
    }
  });
});

describe('docs/domain/money.md', () => {
  const tables = readDocTables(new URL('./money.md', import.meta.url));

  it('parseMoney', () => {
    for (const r of table(tables, 'parse-money').rows) {
      const res = parseMoney(cell(r, 'text'), cell(r, 'currency'));
      const want = cell(r, 'minor units');
      const got = res.ok ? res.value.amount.toString() : res.error.code;
      expect([cell(r, 'text'), got]).toEqual([cell(r, 'text'), want]);
    }
  });

  it('divideRounded', () => {
    const modes: RoundingMode[] = ['half-up', 'half-even', 'down', 'floor', 'ceiling'];
    for (const r of table(tables, 'divide-rounded').rows) {
      const n = BigInt(cell(r, 'numerator'));
      const d = BigInt(cell(r, 'denominator'));
      for (const m of modes) expect([n, d, m, divideRounded(n, d, m)]).toEqual([n, d, m, BigInt(cell(r, m))]);
    }
  });

  it('splitLargestRemainder', () => {
    const ints = (s: string) => s.split(',').map((x) => BigInt(x.trim()));
    for (const r of table(tables, 'split').rows) {
      expect(splitLargestRemainder(BigInt(cell(r, 'total')), ints(cell(r, 'weights')))).toEqual(ints(cell(r, 'parts')));
    }
  });

  it('convert', () => {
    const rates: FxRate[] = table(tables, 'fx-rates').rows.map((r) => ({
      date: day(cell(r, 'date')),
      from: currency(cell(r, 'from')),
      to: currency(cell(r, 'to')),
      rate: must(parseDecimal(cell(r, 'rate')), 'rate'),
    }));
    const rows = table(tables, 'convert').rows;
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const r of rows) {
      const to = cell(r, 'to');
      const res = convert(amount(cell(r, 'amount'), cell(r, 'from')), currency(to), rates, day(cell(r, 'as of')));
      const want = cell(r, 'result');
      const line = `${cell(r, 'amount')} ${cell(r, 'from')} → ${to}`;
      if (want === 'missing_fx_rate') expect([line, res.ok ? res.value : res.error.code]).toEqual([line, want]);
      else expect([line, res]).toEqual([line, { ok: true, value: amount(want, to) }]);
    }
  });
});
