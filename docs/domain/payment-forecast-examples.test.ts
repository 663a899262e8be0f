/** The worked example of docs/domain/payment-forecast.md: the no-training baseline, history as of the issue date. */
import { date, type HistoryInvoice, indexHistory, predictPayment } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { cell, readDocTables, table } from './doc-tables';

const tables = readDocTables(new URL('./payment-forecast.md', import.meta.url));
const invoice = (buyerId: string, r: Readonly<Record<string, string>>, settled?: string): HistoryInvoice => ({
  number: cell(r, 'invoice'),
  buyerId,
  issueDate: date(cell(r, 'issued')),
  dueDate: date(cell(r, 'due')),
  amount: 100,
  disputed: false,
  paperless: false,
  settledDate: settled === undefined ? undefined : date(settled),
});

describe('docs/domain/payment-forecast.md', () => {
  const history = table(tables, 'forecast-history');
  const buyer = history.attrs.buyer ?? 'B1';
  const past = history.rows.map((r) => invoice(buyer, r, cell(r, 'settled')));
  const wanted = table(tables, 'forecast-baseline').rows;
  const index = indexHistory([...past, ...wanted.map((r) => invoice(buyer, r))]);
  it.each(wanted.map((r) => [cell(r, 'invoice'), r] as const))('invoice %s', (_, r) => {
    const item = invoice(buyer, r);
    const p = predictPayment(undefined, index, item, item.issueDate);
    expect(p.method).toBe('baseline');
    expect(p.predictedPayDate).toBe(cell(r, 'predicted'));
    const known = past.filter((h) => h.settledDate !== undefined && h.settledDate < item.issueDate).length;
    expect(String(known)).toBe(cell(r, 'history'));
  });
});
