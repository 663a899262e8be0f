import { date, renderReason, workReasonMessage } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { refreshWorklist } from '../src/collections/refresh-worklist';
import { collectorWorklist } from '../src/collections/worklist';
import { addSecurity } from '../src/credit-policy/add-security';
import { endSecurity } from '../src/credit-policy/end-security';
import { buyer, EUR, seedBuyers, USD } from './fixtures';
import { MemoryStore } from './memory-store';
import { worklistSetup } from './worklist-fixtures';

// Issue 18, item 2: a guarantee or a letter of credit expiring within the credit policy's window is a worklist
// action (renew or replace it), with its figures, read for the whole portfolio at once.
const { policy, company, rates } = worklistSetup();
const asOf = date('2026-06-30');

const security = (
  buyerId: string,
  securityId: string,
  kind: 'guarantee' | 'letter_of_credit' | 'retention_of_title',
  expiresOn?: string,
  validFrom = '2026-01-01',
) => ({
  buyerId,
  securityId,
  terms: {
    kind,
    issuer: kind === 'letter_of_credit' ? 'Bank of Ningbo' : 'Parent AG',
    ...(kind === 'retention_of_title' ? {} : { amount: kind === 'guarantee' ? 1_000_000n : 2_500_000n }),
    ...(kind === 'retention_of_title' ? {} : { currency: kind === 'guarantee' ? EUR : USD }),
    validFrom: date(validFrom),
    ...(expiresOn !== undefined ? { expiresOn: date(expiresOn) } : {}),
  },
  reason: 'r',
  by: 'cora',
});

async function setup() {
  const store = new MemoryStore();
  await seedBuyers(store, [buyer('B1'), buyer('B2'), buyer('B3')]);
  await store.transact((tx) =>
    tx.insertFxRates([{ date: date('2026-01-01'), from: USD, to: EUR, rate: { coefficient: 9n, scale: 1 } }]),
  );
  for (const s of [
    security('B1', 'G-1', 'guarantee', '2026-07-15'), // 15 days left: an action
    security('B2', 'LC-7', 'letter_of_credit', '2026-07-30'), // 30 days left: an action (the last day counts)
    security('B2', 'LC-8', 'letter_of_credit', '2026-07-31'), // 31 days: not yet
    security('B3', 'G-3', 'guarantee', '2026-07-10'), // ended below: none
    security('B3', 'RT', 'retention_of_title'), // a clause, no expiry: none
    security('B1', 'G-OLD', 'guarantee', '2026-06-29'), // expired yesterday: the alert's and the list's, not in force
  ])
    expect((await addSecurity(store, s, asOf)).ok).toBe(true);
  expect(
    (await endSecurity(store, { buyerId: 'B3', securityId: 'G-3', endsOn: asOf, reason: 'r', by: 'cora' }, asOf)).ok,
  ).toBe(true);
  const day = {
    asOf,
    policy,
    company,
    rates,
    currency: EUR,
    defaultPd: 0.02,
    securities: { expiryWarnDays: 30 },
  };
  return { store, day };
}

describe('renew_security worklist tasks', () => {
  it('one per guarantee or letter of credit in force expiring within the window, with its figures', async () => {
    const { store, day } = await setup();
    const work = await collectorWorklist(store, day);
    if (!work.ok) throw new Error(JSON.stringify(work.error));
    const tasks = work.value.filter((t) => t.action === 'renew_security');
    expect(tasks.map((t) => [t.buyerId, t.reason.code, t.amount, t.currency, t.daysOverdue]).sort()).toEqual([
      ['B1', 'guarantee_expiring', 1_000_000n, 'EUR', 0],
      // 25 000.00 USD at 0.9: 22 500.00 EUR.
      ['B2', 'letter_of_credit_expiring', 2_250_000n, 'EUR', 0],
    ]);
    const g = tasks.find((t) => t.buyerId === 'B1');
    expect(g?.reason.params).toEqual({
      security: 'G-1',
      issuer: 'Parent AG',
      amount: '1000000',
      currency: 'EUR',
      expiresOn: '2026-07-15',
      days: 15,
    });
    if (g === undefined) throw new Error('task');
    expect(renderReason(workReasonMessage(g.reason), 'en')).toBe(
      'Guarantee G-1 from Parent AG for EUR 10,000.00 expires on 2026-07-15 (in 15 days): ask for its renewal or a replacement before then; unrenewed, the order check counts the exposure it secures again',
    );
    expect(renderReason(workReasonMessage(g.reason), 'zh-CN')).toContain('Parent AG');
    expect(renderReason(workReasonMessage(g.reason), 'zh-CN')).toContain('2026-07-15');
  });

  it('none without the policy window; the portfolio is read at once, not buyer by buyer', async () => {
    const { store, day } = await setup();
    const { securities: _, ...without } = day;
    const none = await collectorWorklist(store, without);
    expect(none.ok && none.value.filter((t) => t.action === 'renew_security')).toEqual([]);
    const calls: string[] = [];
    const counted = new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (typeof v === 'function' && typeof prop === 'string') calls.push(prop);
        return v;
      },
    });
    await collectorWorklist(counted, day);
    expect(calls.filter((c) => c === 'securityEventsOf')).toEqual([]);
    expect(calls.filter((c) => c === 'allSecurityEvents')).toHaveLength(1);
  });

  it('a kept task closes once a renewal replaces the security, and stays while it does not', async () => {
    const { store, day } = await setup();
    const first = await refreshWorklist(store, day);
    expect(first.ok && first.value.tasks.filter((t) => t.action === 'renew_security').length).toBe(2);
    // G-1 is renewed: a new guarantee from the day after its expiry.
    expect((await addSecurity(store, security('B1', 'G-2', 'guarantee', '2027-07-15', '2026-07-16'), asOf)).ok).toBe(
      true,
    );
    const next = await refreshWorklist(store, { ...day, asOf: date('2026-07-01') });
    if (!next.ok) throw new Error('refresh');
    expect(next.value.closed.map((t) => [t.key, t.closeReason])).toEqual([
      ['renew_security:B1/G-1/2026-07-15', 'security_replaced'],
    ]);
    // LC-7 stays; LC-8 (31 days on 2026-06-30) enters the window on 2026-07-01.
    expect(next.value.tasks.filter((t) => t.action === 'renew_security').map((t) => t.key)).toEqual([
      'renew_security:B2/LC-7/2026-07-30',
      'renew_security:B2/LC-8/2026-07-31',
    ]);
  });
});
