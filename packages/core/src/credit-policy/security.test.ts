import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../calendar';
import type { CurrencyCode } from '../money';
import {
  expiringUnreplaced,
  expiringWithin,
  replacementOf,
  type SecurityEvent,
  securitiesOf,
  securityInForce,
} from './security';

const d = (s: string) => s as BusinessDate;
const head = { buyerId: 'B1', reason: 'r', by: 'cora', recordedOn: d('2026-01-01') };
/** A guarantee of Parent AG for 50 000.00 EUR. */
const guarantee = (id: number, securityId: string, validFrom: string, expiresOn?: string): SecurityEvent => ({
  ...head,
  id,
  securityId,
  action: 'add',
  terms: {
    kind: 'guarantee',
    issuer: 'Parent AG',
    amount: 5_000_000n,
    currency: 'EUR' as CurrencyCode,
    validFrom: d(validFrom),
    ...(expiresOn !== undefined ? { expiresOn: d(expiresOn) } : {}),
  },
});
const events: SecurityEvent[] = [
  guarantee(1, 'G-1', '2026-01-01', '2026-06-30'),
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
  it('an expiring security stops being an action once one of its kind runs on from its expiry (a renewal)', () => {
    const renewal = guarantee;
    const asOf = d('2026-06-15');
    const ids = (es: SecurityEvent[]) => expiringUnreplaced(securitiesOf(es), asOf, 30).map((s) => s.securityId);
    expect(ids(events)).toEqual(['G-1']);
    // Starting the day after the expiry and running past it: a renewal.
    expect(ids([...events, renewal(4, 'G-1R', '2026-07-01', '2027-06-30')])).toEqual([]);
    expect(
      replacementOf(securitiesOf(events)[0] as never, securitiesOf([...events, renewal(4, 'G-1R', '2026-07-01')]))
        ?.securityId,
    ).toBe('G-1R');
    // A gap of a day, or one expiring the same day, or a letter of credit for a guarantee: not a renewal.
    expect(ids([...events, renewal(4, 'G-1R', '2026-07-02', '2027-06-30')])).toEqual(['G-1']);
    expect(ids([...events, renewal(4, 'G-1R', '2026-06-01', '2026-06-30')])).toEqual(['G-1', 'G-1R']);
    // One that started with it runs beside it: not a renewal.
    expect(ids([...events, renewal(4, 'G-2', '2026-01-01', '2027-06-30')])).toEqual(['G-1']);
    const lc: SecurityEvent = { ...renewal(4, 'LC-1', '2026-06-01', '2027-06-30') };
    if (lc.action === 'add') Object.assign(lc, { terms: { ...lc.terms, kind: 'letter_of_credit' } });
    expect(ids([...events, lc])).toEqual(['G-1']);
    // Ended early: no longer in force, no longer an action.
    expect(ids([...events, { ...head, id: 5, securityId: 'G-1', action: 'end', endsOn: d('2026-06-10') }])).toEqual([]);
  });
});
