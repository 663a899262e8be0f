// Issue 17 over HTTP: the IFRS 9 illustrative provision matrix (docs/domain/expected-credit-loss.md, example 1)
// through POST /reports/ecl on a ledger aged exactly as the example, and who may read it.
import { readFileSync } from 'node:fs';
import { importBuyers, importDocuments, type RowSource } from '@credence/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from './fixture';

/** Example 1's table of the doc (the doc's own test reads it with docs/domain/doc-tables.ts; packages may not import it). */
function ifrs9Table() {
  const md = readFileSync(new URL('../../../docs/domain/expected-credit-loss.md', import.meta.url), 'utf8');
  const at = md.indexOf('<!-- table: ecl-matrix currency=EUR factor=1 ');
  const head = /total=([\d.]+)/.exec(md.slice(at, md.indexOf('-->', at)));
  const lines = md.slice(md.indexOf('\n', at) + 1).split('\n');
  const end = lines.findIndex((l) => !l.startsWith('|'));
  const split = (l: string) =>
    l
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
  const keys = split(lines[0] ?? '');
  const rows = lines.slice(2, end).map((l) => Object.fromEntries(split(l).map((c, i) => [keys[i] ?? '', c])));
  if (at < 0 || head?.[1] === undefined || rows.length !== 5)
    throw new Error('the IFRS 9 table is missing from the doc');
  return { total: head[1], rows };
}
const doc = ifrs9Table();
const cell = (r: Record<string, string>, k: string): string => {
  const v = r[k];
  if (v === undefined) throw new Error(`no column ${k}`);
  return v;
};
const AS_OF = '2026-06-30';
/** A due date per bucket as of AS_OF: not due, 15, 46, 76 and 122 days past due. */
const DUE: Readonly<Record<string, string>> = {
  not_due: '2026-07-30',
  '1-30': '2026-06-15',
  '31-60': '2026-05-15',
  '61-90': '2026-04-15',
  '90+': '2026-02-28',
};

const source = (file: string, rows: Record<string, string>[]): RowSource => ({
  file,
  columns: Object.keys(rows[0] ?? {}),
  rows: rows.map((values, i) => ({ row: i + 2, values })),
});

let s: TestServer;
beforeAll(async () => {
  s = await openTestServer(false);
  const b = await importBuyers(
    s.store,
    source('buyers.csv', [
      { buyer_id: 'M1', name: 'Company M customer', country: 'DE', currency: 'EUR', payment_terms_days: '30' },
    ]),
  );
  if (!b.ok) throw new Error(JSON.stringify(b.error));
  const d = await importDocuments(
    s.store,
    source(
      'invoices.csv',
      doc.rows.map((r, i) => ({
        document_number: `INV-${i + 1}`,
        buyer_id: 'M1',
        issue_date: '2026-01-01',
        due_date: DUE[cell(r, 'bucket')] ?? '',
        amount: cell(r, 'exposure'),
        currency: 'EUR',
      })),
    ),
  );
  if (!d.ok) throw new Error(JSON.stringify(d.error));
}, 120_000);
afterAll(() => s?.close());

describe('POST /reports/ecl', () => {
  const rates = Object.fromEntries(doc.rows.map((r) => [cell(r, 'bucket'), cell(r, 'rate')]));

  it('gives the IFRS 9 example’s provisions and total, in the CLI’s JSON', async () => {
    const res = await s.call('credit_manager', 'POST', '/api/v1/reports/ecl', { asOf: AS_OF, rates });
    expect(res.status).toBe(200);
    const j = (await res.json()) as Record<string, unknown> & { buckets: Record<string, string>[] };
    expect(Object.keys(j)).toEqual(['asOf', 'currency', 'buckets', 'total', 'rates']);
    expect([j.asOf, j.currency, j.rates]).toEqual([AS_OF, 'EUR', 'given']);
    expect(j.buckets.map((b) => [b.label, b.exposure, b.lossRate, b.provision])).toEqual(
      doc.rows.map((r) => [cell(r, 'bucket'), cell(r, 'exposure'), cell(r, 'loss rate'), cell(r, 'provision')]),
    );
    expect(j.total).toBe(doc.total);
  });

  it('applies a forward-looking factor and compares with an earlier date', async () => {
    const res = await s.call('admin', 'POST', '/api/v1/reports/ecl', {
      asOf: AS_OF,
      rates,
      factor: '1.1',
      compare: '2026-05-31',
    });
    expect(res.status).toBe(200);
    const j = (await res.json()) as { total: string; compare: { total: string }; movement: string };
    expect(j.total).toBe('638000.00');
    expect(Number(j.movement)).toBeCloseTo(Number(j.total) - Number(j.compare.total), 2);
  });

  it('refuses a collector (403), a rate that is not one (400) and a bucket without a rate (422)', async () => {
    const no = await s.call('collector', 'POST', '/api/v1/reports/ecl', { asOf: AS_OF, rates });
    expect(no.status).toBe(403);
    const bad = await s.call('credit_manager', 'POST', '/api/v1/reports/ecl', { asOf: AS_OF, rates: { x: 'lots' } });
    expect(bad.status).toBe(400);
    const missing = await s.call('credit_manager', 'POST', '/api/v1/reports/ecl', {
      asOf: AS_OF,
      rates: { not_due: '0.3%' },
    });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { params?: { label?: string } }).params?.label).toBe('1-30');
  });

  it('by segment: the one country at its own factor; segments without by are refused (400)', async () => {
    const res = await s.call('credit_manager', 'POST', '/api/v1/reports/ecl', {
      asOf: AS_OF,
      rates,
      by: 'country',
      segments: { DE: { factor: '1.1' } },
    });
    expect(res.status).toBe(200);
    const j = (await res.json()) as { total: string; segments: { segment: string; factor: string; total: string }[] };
    expect(j.segments.map((x) => [x.segment, x.factor, x.total])).toEqual([['DE', '1.1', '638000.00']]);
    expect(j.total).toBe('638000.00');
    const unsegmented = await s.call('credit_manager', 'POST', '/api/v1/reports/ecl', {
      asOf: AS_OF,
      rates,
      segments: { DE: { factor: '1.1' } },
    });
    expect(unsegmented.status).toBe(400);
    const get = await s.call('credit_manager', 'GET', `/api/v1/reports/ecl?asOf=${AS_OF}&by=planet`);
    expect(get.status).toBe(400);
  });
});
