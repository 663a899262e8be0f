import {
  buyerTimeline,
  type Company,
  completeTask,
  importBuyers,
  importDocuments,
  importPayments,
  openDispute,
  refreshWorklist,
  runDunning,
  type Store,
  snoozeTask,
} from '@credence/app';
import {
  type BusinessDate,
  type CurrencyCode,
  type DunningPolicy,
  date,
  parseRateTables,
  type Result,
} from '@credence/core';
import { describe, expect, it } from 'vitest';
import { rowFile as file } from './fixtures';
import { targets, useTarget } from './harness';

// Issue 11, item 3: the worklist is a list of tasks kept from day to day. A task stays open (carried over) until
// it is dealt with — by a payment, a dispute, a promise, a plan or a call recorded, or by a person marking it done —
// or is snoozed; the list reacts to each of these at once.
const policy: DunningPolicy = {
  id: 'p',
  minimumOverdue: '0',
  levels: [{ id: 'reminder', offsetDays: 1, channel: 'letter', tone: 'reminder', fee: '0', deadlineDays: 10 }],
  segments: [],
} as DunningPolicy;
const company: Company = {
  name: 'Nordlicht Handels GmbH',
  address: ['Hafenstraße 12', '20457 Hamburg'],
  bankAccount: {
    bankName: 'Hamburger Sparkasse',
    accountName: 'Nordlicht Handels GmbH',
    iban: 'DE02200505501015871393',
  },
  contact: { name: 'Anna Berg', email: 'credit@nordlicht.example' },
  language: 'en',
  interestRegime: 'eu',
  promiseGraceDays: 3,
  planGraceDays: 5,
};
const parsed = parseRateTables({ ecb: { '2026-H1': '2.15' }, boe: {}, 'de-base': {} });
if (!parsed.ok) throw new Error('rates');
const rates = parsed.value;

async function must<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const day = (asOf: BusinessDate) => ({
  asOf,
  policy,
  company,
  rates,
  currency: 'EUR' as CurrencyCode,
  defaultPd: 0.02,
});
const look = (s: Store, d: string) => must(refreshWorklist(s, day(date(d))));
const brief = (w: Awaited<ReturnType<typeof look>>) => w.tasks.map((t) => `${t.key}|${t.openedOn}|${t.amount}`).sort();

async function seed(store: Store) {
  const cols = ['buyer_id', 'name', 'country', 'currency', 'payment_terms_days', 'email'];
  const buyers = [
    ['B1', 'Alpha GmbH', 'DE', 'EUR', '30', ''],
    ['B2', 'Beta SARL', 'FR', 'EUR', '30', ''],
    ['B3', 'Gamma BV', 'NL', 'EUR', '30', ''],
  ];
  expect((await importBuyers(store, file('buyers.csv', cols, buyers))).ok).toBe(true);
  const inv = (n: string, b: string, due: string, amount: string) => [n, b, '2026-01-01', due, amount, 'EUR'];
  const docCols = ['document_number', 'buyer_id', 'issue_date', 'due_date', 'amount', 'currency'];
  const invoices = [
    inv('I-1', 'B1', '2026-03-01', '1000.00'),
    inv('I-2', 'B1', '2026-03-05', '500.00'),
    inv('I-3', 'B2', '2026-03-10', '300.00'),
    inv('I-4', 'B3', '2026-03-10', '200.00'),
  ];
  expect((await importDocuments(store, file('invoices.csv', docCols, invoices))).ok).toBe(true);
}

for (const target of targets()) {
  describe(`the kept worklist on ${target.name}`, () => {
    const h = useTarget(target);

    it('carries open tasks over and reacts at once to payments, disputes, done and snooze', async () => {
      const s = h().store;
      await seed(s);
      // Buyers without e-mail get printed letters: someone has to post them.
      await must(runDunning(s, { ...day(date('2026-03-31')), dryRun: false }));
      const first = await look(s, '2026-03-31');
      expect(brief(first)).toEqual([
        'post_letter:L-20260331-B1-reminder|2026-03-31|150000',
        'post_letter:L-20260331-B2-reminder|2026-03-31|30000',
        'post_letter:L-20260331-B3-reminder|2026-03-31|20000',
      ]);
      // The same day again changes nothing.
      const again = await look(s, '2026-03-31');
      expect(brief(again)).toEqual(brief(first));
      expect(again.closed).toEqual([]);

      // The next day nothing new is derived, and the open tasks are still there, opened on the 31st.
      expect(brief(await look(s, '2026-04-01'))).toEqual(brief(first));

      // A payment of I-1 leaves B1's task open on what is still open (I-2) …
      const payCols = ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency', 'document_number'];
      const pay = file('payments.csv', payCols, [['P-1', 'B1', '2026-04-01', '1000.00', 'EUR', 'I-1']]);
      expect((await importPayments(s, pay)).ok).toBe(true);
      const paid = await look(s, '2026-04-01');
      expect(paid.tasks.find((t) => t.buyerId === 'B1')?.amount).toBe(50000n);
      // … and a dispute on I-2 takes the rest in hand: the task closes.
      await must(
        openDispute(
          s,
          { documents: ['I-2'], reason: 'price', owner: 'ben', notes: '', by: 'anna' },
          date('2026-04-01'),
        ),
      );
      const disputed = await look(s, '2026-04-01');
      expect(disputed.tasks.map((t) => t.buyerId).sort()).toEqual(['B2', 'B3']);
      expect(disputed.closed.map((t) => [t.buyerId, t.closeReason])).toEqual([['B1', 'in_hand']]);

      // Marked done with a note: gone from the list, the note on the buyer's timeline; not done twice.
      const b2 = 'post_letter:L-20260331-B2-reminder';
      await must(completeTask(s, { key: b2, by: 'carl', note: 'posted by registered mail' }, date('2026-04-01')));
      const twice = await completeTask(s, { key: b2, by: 'carl' }, date('2026-04-01'));
      expect(twice.ok ? undefined : twice.error).toEqual({
        code: 'not_allowed',
        params: { reason: 'task_done', id: b2, on: '2026-04-01' },
      });
      const timeline = await must(buyerTimeline(s, 'B2'));
      expect(timeline.some((e) => e.kind === 'note' && /posted by registered mail/.test(JSON.stringify(e)))).toBe(true);

      // Snoozed: away until its date, then back (still open: nothing dealt with it).
      const b3 = 'post_letter:L-20260331-B3-reminder';
      const early = await snoozeTask(s, { key: b3, until: date('2026-04-01'), by: 'carl' }, date('2026-04-01'));
      expect(early.ok ? undefined : early.error.code).toBe('invalid_date');
      await must(snoozeTask(s, { key: b3, until: date('2026-04-05'), by: 'carl' }, date('2026-04-01')));
      const quiet = await look(s, '2026-04-02');
      expect(quiet.tasks).toEqual([]);
      expect(quiet.snoozed).toBe(1);
      const back = await look(s, '2026-04-05');
      expect(back.tasks.map((t) => [t.key, t.openedOn, t.daysOverdue])).toEqual([[b3, '2026-03-31', 26]]);
      const unknown = await completeTask(s, { key: 'nope', by: 'carl' }, date('2026-04-05'));
      expect(unknown.ok ? undefined : unknown.error.code).toBe('not_found');
    });

    it('shows the tasks of letters the day has still to record without keeping them', async () => {
      const s = h().store;
      await h().reset();
      await seed(s);
      const w = await look(s, '2026-03-31');
      expect(w.tasks.map((t) => [t.key, t.planned])).toHaveLength(3);
      expect(w.tasks.every((t) => t.planned === true)).toBe(true);
      expect(await s.worklistTasks({ states: ['open', 'snoozed', 'done'] })).toEqual([]);
    });
  });
}
