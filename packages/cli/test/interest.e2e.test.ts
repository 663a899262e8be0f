import { describe, expect, it } from 'vitest';
import { credence } from './harness';

describe('credence interest calc', () => {
  it('prints the documented JSON: amounts as decimal strings, one period per half-year and principal', async () => {
    const r = await credence([
      'interest',
      'calc',
      '--regime',
      'uk',
      '--principal',
      '18000.00',
      '--currency',
      'GBP',
      '--due',
      '2025-06-30',
      '--paid',
      '2026-01-16',
      '--payment',
      '2025-09-30=2000.00',
      '--format',
      'json',
    ]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(JSON.parse(r.out)).toEqual({
      currency: 'GBP',
      interest: '1135.73',
      compensation: '100.00',
      total: '1235.73',
      periods: [
        { from: '2025-07-01', to: '2025-09-30', days: 92, ratePercent: '12.25', base: '18000.00' },
        { from: '2025-10-01', to: '2025-12-31', days: 92, ratePercent: '12.25', base: '16000.00' },
        { from: '2026-01-01', to: '2026-01-16', days: 16, ratePercent: '12.25', base: '16000.00' },
      ],
    });
  });

  it('takes a contractual daily rate, ends at the last payment without --paid, and names a missing reference rate', async () => {
    const r = await credence([
      'interest',
      'calc',
      '--regime',
      'contract',
      '--rate',
      '0.1%/day',
      '--principal',
      '1000',
      '--currency',
      'CNY',
      '--due',
      '2025-01-31',
      '--payment',
      '2025-02-10=400',
      '--payment',
      '2025-02-20=600',
      '--format',
      'json',
    ]);
    // 10 days on 1,000 and 10 on 600 at 0.1 % a day = 16.00
    expect(JSON.parse(r.out)).toMatchObject({ interest: '16.00', compensation: '0.00' });
    const missing = await credence([
      'interest',
      'calc',
      '--regime',
      'eu',
      '--principal',
      '1',
      '--currency',
      'EUR',
      '--due',
      '2026-07-31',
      '--paid',
      '2026-08-31',
    ]);
    expect(missing.code).toBe(4);
    expect(missing.err).toContain('no reference rate for ecb 2026-H2');
    const bad = await credence([
      'interest',
      'calc',
      '--regime',
      'xx',
      '--principal',
      '1',
      '--currency',
      'EUR',
      '--due',
      '2025-07-31',
    ]);
    expect(bad.code).toBe(2);
  });
});
