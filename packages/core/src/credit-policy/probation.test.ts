import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../calendar';
import { probationOf } from './probation';

const d = (s: string) => s as BusinessDate;
const policy = { firstOrderCap: { EUR: '10000.00' }, probationOrders: 3, probationMonths: 6 };

describe('probationOf', () => {
  it('lasts for the first orders or the first months since the first invoice, whichever ends first', () => {
    const on = (orders: number, firstInvoice: string | undefined, asOf: string) =>
      probationOf({ orders, ...(firstInvoice ? { firstInvoice: d(firstInvoice) } : {}) }, d(asOf), policy).inProbation;
    expect(on(0, undefined, '2026-06-30')).toBe(true);
    expect(on(2, '2026-01-01', '2026-06-30')).toBe(true);
    expect(on(3, '2026-01-01', '2026-06-30')).toBe(false);
    expect(on(2, '2026-01-01', '2026-07-01')).toBe(false);
    expect(on(2, '2025-01-01', '2026-06-30')).toBe(false);
    expect(probationOf({ orders: 1, firstInvoice: d('2026-01-31') }, d('2026-03-01'), policy).monthsEndOn).toBe(
      '2026-07-31',
    );
  });
});
