import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../calendar';
import type { CurrencyCode } from '../money';
import { type LimitEvent, limitState } from './limit-events';

const EUR = 'EUR' as CurrencyCode;
const d = (s: string) => s as BusinessDate;
let next = 1;
const ev = (
  kind: LimitEvent['kind'],
  amount: bigint,
  validFrom: string,
  more: Partial<LimitEvent> = {},
): LimitEvent => ({
  id: next++,
  buyerId: 'B1',
  kind,
  amount,
  currency: EUR,
  validFrom: d(validFrom),
  by: 'anna',
  reason: 'r',
  recordedOn: d(validFrom),
  ...more,
});

describe('limitState', () => {
  const request = ev('request', 5_000_000n, '2024-01-10');
  const approval = ev('approval', 4_000_000n, '2024-01-15', { requestId: request.id, by: 'chief' });
  const temp = ev('temporary', 8_000_000n, '2024-03-01', { expiresOn: d('2024-03-31') });
  const events = [request, approval, temp];

  it('has nothing before the first approval, and the request is pending until answered', () => {
    expect(limitState([request], d('2024-01-12'))).toEqual({ pending: [request] });
    expect(limitState(events, d('2024-01-12'))).toEqual({ pending: [] });
  });

  it('applies the approval from its date, a temporary limit until its last day, then the approval again', () => {
    expect(limitState(events, d('2024-02-01')).current).toMatchObject({
      amount: 4_000_000n,
      kind: 'approved',
      approvedBy: 'chief',
    });
    expect(limitState(events, d('2024-03-31')).current).toMatchObject({
      amount: 8_000_000n,
      kind: 'temporary',
      expiresOn: '2024-03-31',
    });
    expect(limitState(events, d('2024-04-01')).current).toMatchObject({ amount: 4_000_000n, kind: 'approved' });
  });

  it('reports an expired temporary limit when there is nothing to fall back on', () => {
    const only = [ev('temporary', 1_000_000n, '2024-05-01', { expiresOn: d('2024-05-31') })];
    expect(limitState(only, d('2024-06-01'))).toEqual({
      expired: { amount: 1_000_000n, currency: EUR, expiredOn: '2024-05-31' },
      pending: [],
    });
  });

  it('takes the latest approval by date, then by recording order', () => {
    const a = ev('approval', 1n, '2024-06-01');
    const b = ev('approval', 2n, '2024-06-01');
    const c = ev('approval', 3n, '2024-05-01');
    expect(limitState([a, b, c], d('2024-06-30')).current?.amount).toBe(2n);
  });
});
