/** The account statement example of docs/domain/credit-policy.md, on an embedded store. */
import { accountStatement, importBuyers, importDocuments, importPayments, type RowSource } from '@credence/app';
import { type CurrencyCode, date, money, toDecimalString } from '@credence/core';
import { openEngine, storeOn } from '@credence/db';
import { renderStatementHtml, renderStatementPdf } from '@credence/letters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocTables, table } from './doc-tables';

const tables = readDocTables(new URL('./credit-policy.md', import.meta.url));
const EUR = 'EUR' as CurrencyCode;
const eur = (x: bigint) => toDecimalString(money(x, EUR));
const file = (name: string, header: string[], rows: string[][]): RowSource => ({
  file: name,
  columns: header,
  rows: rows.map((cells, i) => ({ row: i + 2, values: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])) })),
});

describe('docs/domain/credit-policy.md: the account statement', () => {
  let engine: Awaited<ReturnType<typeof openEngine>>;
  const store = () => storeOn(engine, { by: 'root', now: () => new Date('2026-06-30T10:00:00Z') }, false);
  beforeAll(async () => {
    engine = await openEngine();
    const must = (r: { ok: boolean; error?: unknown }) => {
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    };
    must(
      await importBuyers(
        store(),
        file(
          'b.csv',
          ['buyer_id', 'name', 'country', 'currency', 'payment_terms_days'],
          [['S1', 'Acme', 'DE', 'EUR', '30']],
        ),
      ),
    );
    must(
      await importDocuments(
        store(),
        file(
          'i.csv',
          ['document_number', 'buyer_id', 'type', 'issue_date', 'due_date', 'amount', 'currency'],
          [
            ['I-1', 'S1', 'invoice', '2026-05-01', '2026-05-31', '1000.00', 'EUR'],
            ['I-2', 'S1', 'invoice', '2026-06-12', '2026-07-15', '500.00', 'EUR'],
            ['CN-1', 'S1', 'credit_note', '2026-06-20', '2026-06-20', '50.00', 'EUR'],
          ],
        ),
      ),
    );
    must(
      await importPayments(
        store(),
        file(
          'p.csv',
          ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency', 'document_number'],
          [['P-1', 'S1', '2026-06-10', '600.00', 'EUR', 'I-1']],
        ),
      ),
    );
  }, 60_000);
  afterAll(() => engine?.close());

  it('opening balance, lines with the running balance, closing balance and aging as the page shows', async () => {
    const t = table(tables, 'statement');
    const r = await accountStatement(store(), {
      buyerId: t.attrs.buyer ?? '',
      from: date(t.attrs.from ?? ''),
      asOf: date(t.attrs.asOf ?? ''),
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const [c] = r.value.currencies;
    if (c === undefined) throw new Error('one currency');
    expect([
      { date: r.value.from, kind: 'opening', reference: '-', amount: '', balance: eur(c.opening) },
      ...c.lines.map((l) => ({
        date: l.date,
        kind: l.kind,
        reference: l.reference,
        amount: eur(l.amount),
        balance: eur(l.balance),
      })),
      { date: r.value.asOf, kind: 'closing', reference: '-', amount: '', balance: eur(c.closing) },
    ]).toEqual(t.rows);
    const [aging] = table(tables, 'statement-aging').rows;
    expect([c.aging.not_due, c.aging['1_30'], c.aging['31_60'], c.aging['61_90'], c.aging.over_90].map(eur)).toEqual(
      Object.values(aging ?? {}),
    );
    // Rendered in each language: a PDF, and HTML with the figures.
    for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) {
      const pdf = await renderStatementPdf(r.value, lang, 'Nordlicht');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const html = renderStatementHtml(r.value, 'zh-CN', 'Nordlicht');
    expect(html).toContain('对账单');
    expect(html).toContain('850.00');
  });
});
