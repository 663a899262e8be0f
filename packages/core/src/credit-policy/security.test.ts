import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../calendar';
import type { CurrencyCode } from '../money';
import { expiringWithin, type SecurityEvent, securitiesOf, securityInForce } from './security';

const d = (s: string) => s as BusinessDate;
const head = { buyerId: 'B1', reason: 'r', by: 'cora', recordedOn: d('2026-01-01') };
const events: SecurityEvent[] = [
  {
    ...head,
    id: 1,
    securityId: 'G-1',
    action: 'add',
    terms: {
      kind: 'guarantee',
      issuer: 'Parent AG',
      amount: 5_000_000n,
      currency: 'EUR' as CurrencyCode,
      validFrom: d('2026-01-01'),
      expiresOn: d('2026-06-30'),
    },
  },
  {
    ...head,
    id: 2,
    securityId: 'RT',
    action: 'add',
    terms: { kind: 'retention_of_title', issuer: 'B1', validFrom: d('2026-01-01') },
  },
  { ...head, id: 3, securityId: 'RT', action: 'end', endsOn: d('2026-03-01') },
];

describe('securities', () => {
  it('folds additions and ends; in force from the start to the expiry day, ended from the end day', () => {
    const [g, rt] = securitiesOf(events);
    if (g === undefined || rt === undefined) throw new Error('two securities');
    expect(rt.endedOn).toBe('2026-03-01');
    expect(
      [d('2025-12-31'), d('2026-01-01'), d('2026-06-30'), d('2026-07-01')].map((x) => securityInForce(g, x)),
    ).toEqual([false, true, true, false]);
    expect([securityInForce(rt, d('2026-02-28')), securityInForce(rt, d('2026-03-01'))]).toEqual([true, false]);
  });
  it('finds the ones in force expiring within the warning days', () => {
    const all = securitiesOf(events);
    expect(expiringWithin(all, d('2026-05-31'), 30).map((s) => s.securityId)).toEqual(['G-1']);
    expect(expiringWithin(all, d('2026-05-30'), 30)).toEqual([]);
    expect(expiringWithin(all, d('2026-07-01'), 30)).toEqual([]);
  });
});
