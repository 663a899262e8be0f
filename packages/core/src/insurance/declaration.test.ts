import { describe, expect, it } from 'vitest';
import { date } from '../calendar/date';
import { monthlyDeclaration } from './declaration';
import type { InsuranceInvoice } from './insured';
import { parseInsurancePolicy } from './policy-schema';

const parsed = parseInsurancePolicy({
  insurer: 'X',
  policyNumber: 'P1',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  currency: 'EUR',
  countries: ['DE', 'FR'],
});
if (!parsed.ok) throw new Error('policy');
const policy = parsed.value;
const inv = (
  id: string,
  on: string,
  due: string,
  gross: bigint,
  paid: [string, bigint][] = [],
  currency = 'EUR',
): InsuranceInvoice => ({
  id,
  currency,
  invoiceDate: date(on),
  dueDate: date(due),
  gross,
  vat: 0n,
  settlements: paid.map(([d, amount]) => ({ date: date(d), amount })),
});

describe('monthlyDeclaration', () => {
  const buyers = [
    {
      buyer: { buyerId: 'B1', country: 'DE' },
      invoices: [
        inv('I-1', '2026-03-02', '2026-04-01', 1_000_00n, [['2026-05-10', 400_00n]]),
        inv('I-2', '2026-05-31', '2026-06-30', 300_00n),
        inv('I-3', '2026-06-01', '2026-07-01', 500_00n),
        inv('I-4', '2026-06-20', '2026-07-20', 250_00n, [['2026-06-25', 250_00n]]),
        inv('I-5', '2026-06-21', '2026-07-21', 999_00n, [], 'USD'),
      ],
    },
    {
      buyer: { buyerId: 'B2', country: 'FR' },
      invoices: [
        inv('I-6', '2026-04-15', '2026-05-15', 700_00n, [['2026-06-30', 700_00n]]),
        inv('I-7', '2026-06-30', '2026-07-30', 120_00n),
        inv('I-8', '2026-07-01', '2026-07-31', 80_00n),
      ],
    },
    { buyer: { buyerId: 'B3', country: 'IT' }, invoices: [inv('I-9', '2026-06-10', '2026-03-01', 50_00n)] },
    {
      buyer: { buyerId: 'B4', country: 'DE', affiliate: true },
      invoices: [inv('I-10', '2026-06-10', '2026-06-11', 60_00n)],
    },
  ];

  it('declares the month of as-of: turnover per buyer and country, the overdue with original due dates', () => {
    const r = monthlyDeclaration(policy, buyers, date('2026-06-30'));
    expect(r.month).toBe('2026-06');
    expect(r.from).toBe('2026-06-01');
    // I-2 (May) and I-8 (July) are outside the month; I-5 is in another currency; I-4 paid counts: it was delivered.
    expect(r.turnover).toEqual([
      { buyerId: 'B1', country: 'DE', invoices: 2, amount: 750_00n },
      { buyerId: 'B2', country: 'FR', invoices: 1, amount: 120_00n },
    ]);
    expect(r.byCountry).toEqual([
      { country: 'DE', invoices: 2, amount: 750_00n },
      { country: 'FR', invoices: 1, amount: 120_00n },
    ]);
    expect(r.totalTurnover).toBe(870_00n);
    // I-2 falls due on the day: not overdue yet. I-6 paid on the day. B3 (IT) and the affiliate B4 are not covered.
    expect(r.overdue).toEqual([
      {
        buyerId: 'B1',
        country: 'DE',
        open: 600_00n,
        invoices: [
          {
            invoiceId: 'I-1',
            invoiceDate: '2026-03-02',
            originalDueDate: '2026-04-01',
            daysOverdue: 90,
            open: 600_00n,
          },
        ],
      },
    ]);
  });

  it('reads the ledger as of the date: a later payment does not count, a later invoice is not there', () => {
    const r = monthlyDeclaration(policy, buyers, date('2026-05-12'));
    expect(r.turnover).toEqual([]);
    expect(r.overdue.map((o) => [o.buyerId, o.open])).toEqual([['B1', 600_00n]]);
    const april = monthlyDeclaration(policy, buyers, date('2026-04-30'));
    expect(april.turnover).toEqual([{ buyerId: 'B2', country: 'FR', invoices: 1, amount: 700_00n }]);
    expect(april.overdue.map((o) => [o.buyerId, o.open, o.invoices[0]?.daysOverdue])).toEqual([['B1', 1_000_00n, 29]]);
  });
});
