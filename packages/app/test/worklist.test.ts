import { type CurrencyCode, date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { collectorWorklist } from '../src/collections/worklist';
import { importDocuments } from '../src/import/import-documents';
import { buyer, EUR, INVOICE_HEADER, seedBuyers, source } from './fixtures';
import { MemoryStore } from './memory-store';
import { worklistSetup } from './worklist-fixtures';

const JPY = 'JPY' as CurrencyCode;
const { policy, company, rates } = worklistSetup();

describe('collectorWorklist', () => {
  it('ranks letters to post by amount × days × PD, keeping an amount it cannot convert in its own currency', async () => {
    const store = new MemoryStore();
    await seedBuyers(store, [buyer('B1'), buyer('B2', JPY)]);
    const invoices = source('i.csv', INVOICE_HEADER, [
      ['I-1', 'B1', '2026-01-01', '2026-03-01', '1000.00', 'EUR'],
      ['I-2', 'B2', '2026-01-01', '2026-03-10', '150000', 'JPY'],
    ]);
    expect((await importDocuments(store, invoices)).ok).toBe(true);
    const x = {
      asOf: date('2026-03-31'),
      policy: policy,
      company: company,
      rates: rates,
      currency: EUR,
      defaultPd: 0.02,
    };
    const work = await collectorWorklist(store, x);
    if (!work.ok) throw new Error(JSON.stringify(work.error));
    expect(work.value.map((t) => [t.buyerId, t.action, t.currency, t.amount, t.daysOverdue])).toEqual([
      // Without a JPY→EUR rate the amount stays in yen and the reason says so (150,000 × 21 × 0.02 = 63,000, a rank
      // that is only indicative: import FX rates to rank it in euros); 1,000 EUR × 30 × 0.02 = 600.
      ['B2', 'post_letter', 'JPY', 150000n, 21],
      ['B1', 'post_letter', 'EUR', 100000n, 30],
    ]);
    expect([work.value[0]?.reason.code, work.value[0]?.noFxRate, work.value[1]?.noFxRate]).toEqual([
      'letter',
      true,
      undefined,
    ]);
    expect(work.value[0]?.reason.params).toEqual(expect.objectContaining({ documents: 'I-2' }));
    expect(work.value[1]?.score).toBeCloseTo(600);
  });
});
