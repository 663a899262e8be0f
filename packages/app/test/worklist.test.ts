import { type CurrencyCode, date, parseDunningPolicy, parseRateTables } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { parseCompany } from '../src/collections/company';
import { collectorWorklist } from '../src/collections/worklist';
import { importDocuments } from '../src/import/import-documents';
import { buyer, EUR, INVOICE_HEADER, seedBuyers, source } from './fixtures';
import { MemoryStore } from './memory-store';

const JPY = 'JPY' as CurrencyCode;
const policy = parseDunningPolicy({
  id: 'p',
  minimumOverdue: '0',
  levels: [{ id: 'formal', offsetDays: 15, channel: 'letter', tone: 'warning', fee: '0', deadlineDays: 10 }],
});
const company = parseCompany({
  name: 'Nordlicht GmbH',
  address: ['Hafenstraße 12'],
  bankAccount: { bankName: 'Bank', accountName: 'Nordlicht GmbH', iban: 'DE02200505501015871393' },
  contact: { name: 'Anna', email: 'credit@nordlicht.example' },
});
const rates = parseRateTables({ ecb: {}, boe: {}, 'de-base': {} });

describe('collectorWorklist', () => {
  it('ranks letters to post by amount × days × PD, keeping an amount it cannot convert in its own currency', async () => {
    if (!policy.ok || !company.ok || !rates.ok) throw new Error('setup');
    const store = new MemoryStore();
    await seedBuyers(store, [buyer('B1'), buyer('B2', JPY)]);
    const invoices = source('i.csv', INVOICE_HEADER, [
      ['I-1', 'B1', '2026-01-01', '2026-03-01', '1000.00', 'EUR'],
      ['I-2', 'B2', '2026-01-01', '2026-03-10', '150000', 'JPY'],
    ]);
    expect((await importDocuments(store, invoices)).ok).toBe(true);
    const x = {
      asOf: date('2026-03-31'),
      policy: policy.value,
      company: company.value,
      rates: rates.value,
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
