import {
  addPromise,
  buyerTimeline,
  type Company,
  collectorWorklist,
  createPlan,
  deliverOutbox,
  deliverRun,
  enqueueRunDelivery,
  importBuyers,
  importDocuments,
  importPayments,
  type OutboxEntry,
  openDispute,
  pauseBuyer,
  resolveDispute,
  runDunning,
  runNextJob,
  type Store,
} from '@credence/app';
import {
  type CurrencyCode,
  type DunningPolicy,
  date,
  parseRateTables,
  type RateTables,
  type Result,
  renderReason,
  workReasonMessage,
} from '@credence/core';
import { describe, expect, it } from 'vitest';
import { rowFile } from './fixtures';
import { targets, useTarget } from './harness';

// The dunning scenario of issue 4 on the real stores: pre-due, several overdue levels, one disputed invoice,
// one promise, one paused buyer, one paid invoice, one balance below the minimum; a second run of the same
// date; a run killed half-way and restarted.
const file = rowFile;
// Friendly, formal and final may be skipped, so that one date reaches every level (stepwise escalation, the
// default, is in first-run.test.ts); agency and legal still need a formal notice first.
const lvl = (id: string, offsetDays: number, channel: string, tone: string, deadlineDays: number) =>
  ({
    id,
    offsetDays,
    channel,
    tone,
    fee: '0',
    deadlineDays,
    ...(['friendly', 'formal', 'final'].includes(id) ? { skippable: true } : {}),
  }) as DunningPolicy['levels'][number];
const policy: DunningPolicy = {
  id: 'default',
  minimumOverdue: '50.00',
  levels: [
    lvl('pre_due', -15, 'email', 'reminder', 15),
    lvl('friendly', 1, 'email', 'reminder', 10),
    lvl('formal', 15, 'letter', 'warning', 10),
    lvl('final', 30, 'letter', 'final', 10),
    lvl('agency', 60, 'agency', 'final', 0),
    lvl('legal', 90, 'legal', 'final', 0),
  ],
  segments: [],
  // These scenarios are about the ladder, not the first run (first-run.test.ts): send what is due at once.
  firstRun: 'send',
};
const company: Company = {
  name: 'Nordlicht Handels GmbH',
  address: ['Hafenstraße 12', '20457 Hamburg', 'Germany'],
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
const ratesParsed = parseRateTables({ ecb: { '2026-H1': '2.15' }, boe: {}, 'de-base': {} });
if (!ratesParsed.ok) throw new Error('rates');
const rates: RateTables = ratesParsed.value;
const asOf = date('2026-03-31');

async function seed(store: Store) {
  const buyers = [
    ['B1', 'Alpha Trading Ltd', 'GB', 'EUR', '30', 'en', 'ap@alpha.example', '1 King St | London'],
    ['B2', '华东贸易有限公司', 'CN', 'EUR', '30', 'zh-CN', 'ap@huadong.example', ''],
    ['B3', '臺灣精密股份有限公司', 'TW', 'EUR', '30', 'zh-TW', 'ap@tw.example', ''],
    ['B4', 'Delta SARL', 'FR', 'EUR', '30', 'fr', '', ''],
    ['B5', 'Epsilon BV', 'NL', 'EUR', '30', 'en', 'ap@epsilon.example', ''],
  ];
  const cols = ['buyer_id', 'name', 'country', 'currency', 'payment_terms_days', 'language', 'email', 'address'];
  expect((await importBuyers(store, file('buyers.csv', cols, buyers))).ok).toBe(true);
  const inv = (n: string, b: string, due: string, amount: string) => [n, b, '2026-01-01', due, amount, 'EUR'];
  const invoices = [
    inv('I-PRE', 'B1', '2026-04-15', '800.00'), // 15 days before due: pre_due
    inv('I-F1', 'B1', '2026-03-25', '300.00'), // 6 days: friendly
    inv('I-FO', 'B1', '2026-03-10', '1000.00'), // 21 days: formal
    inv('I-FI', 'B1', '2026-02-20', '450.00'), // 39 days: final
    inv('I-DIS', 'B1', '2026-03-01', '700.00'), // 30 days, disputed
    inv('I-PAID', 'B1', '2026-03-01', '900.00'), // paid in full
    inv('I-PRM', 'B2', '2026-03-01', '2000.00'), // promised
    inv('I-PSD', 'B3', '2026-02-19', '1500.00'), // buyer paused
    inv('I-AG', 'B4', '2026-01-15', '5000.00'), // 75 days: agency
    inv('I-SM', 'B5', '2026-03-01', '20.00'), // below the minimum
  ];
  const docCols = ['document_number', 'buyer_id', 'issue_date', 'due_date', 'amount', 'currency'];
  expect((await importDocuments(store, file('invoices.csv', docCols, invoices))).ok).toBe(true);
  const payCols = ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency', 'document_number'];
  const payments = [
    ['P-1', 'B1', '2026-03-20', '900.00', 'EUR', 'I-PAID'],
    ['P-2', 'B1', '2026-03-20', '200.00', 'EUR', 'I-FO'],
  ];
  expect((await importPayments(store, file('payments.csv', payCols, payments))).ok).toBe(true);
  const d = await openDispute(
    store,
    { documents: ['I-DIS'], reason: 'quality', owner: 'ben', notes: '', by: 'anna' },
    date('2026-03-28'),
  );
  expect(d.ok).toBe(true);
  const p = await addPromise(
    store,
    {
      buyerId: 'B2',
      amount: '2000.00',
      date: date('2026-04-03'),
      documents: ['I-PRM'],
      graceDays: 3,
      notes: '',
      by: 'anna',
    },
    date('2026-03-30'),
  );
  expect(p.ok).toBe(true);
  const z = await pauseBuyer(
    store,
    { buyerId: 'B3', until: date('2026-04-30'), reason: 'merger', by: 'anna' },
    date('2026-03-15'),
  );
  expect(z.ok).toBe(true);
}

/** The value of a use case that must succeed here. */
async function must<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const run = (store: Store, dryRun = false) => must(runDunning(store, { asOf, policy, company, rates, dryRun }));
const brief = (r: Awaited<ReturnType<typeof run>>) =>
  r.letters.map(
    ({ letter: a }) =>
      `${a.debtor.id}:${a.levelId}:${a.channel}:${a.language}:${a.lines.map((d) => `${d.number}@${d.level?.id}`).join('+')}`,
  );
// One letter per buyer at the highest level due, each item at its own; B4's 75-day invoice had no formal notice,
// so it gets the final demand, not the agency hand-off.
const EXPECTED = [
  'B1:final:letter:en:I-FI@final+I-FO@formal+I-F1@friendly+I-PRE@pre_due',
  'B4:final:letter:fr:I-AG@final',
];

/** A store whose n-th transaction (counting from 1) dies: the process is killed there. */
function killedAt(store: Store, n: number): Store {
  let count = 0;
  return {
    ...store,
    transact: async (work) => {
      count += 1;
      if (count === n) throw new Error('killed');
      return store.transact(work);
    },
  };
}

describe.each(targets())('dunning run on $name', (target) => {
  const h = useTarget(target);

  it('produces exactly the expected actions, then none for the same date', async () => {
    await h().reset();
    await seed(h().store);
    const dry = await run(h().store, true);
    expect(brief(dry)).toEqual(EXPECTED);
    const first = await run(h().store);
    expect(brief(first)).toEqual(EXPECTED);
    // Each letter sent, and the run, is in the audit trail (docs/domain/users-and-audit.md).
    const letters = await h().store.auditEntries({ entityKind: 'letter' });
    expect(letters.map((e) => e.entityId).sort()).toEqual(first.letters.map((l) => l.letter.id).sort());
    expect(await h().store.auditEntries({ entityKind: 'dunning_run' })).toMatchObject([{ action: 'dunning_run' }]);
    expect(first.skipped.map((s) => `${s.number}:${s.reason}`).sort()).toEqual(
      ['I-DIS:disputed', 'I-PRM:promised', 'I-PSD:paused', 'I-SM:below_minimum'].sort(),
    );
    const formal = first.actions[0]?.documents[1];
    // 1000.00 for 11–20 March (10 days), 800.00 after the partial payment for 21–31 March (11 days), at the
    // EU rate 2.15 + 8 = 10.15 %/year: (100000 × 10 + 80000 × 11) × 10.15 / 100 / 365 = 522.8 cents → 5.23.
    expect(formal).toEqual({
      number: 'I-FO',
      outstanding: '800.00',
      currency: 'EUR',
      dueDate: '2026-03-10',
      daysOverdue: 21,
      interest: '5.23',
    });
    expect(first.actions[0]?.documents[3]).toMatchObject({ number: 'I-PRE', daysOverdue: -15, interest: '0.00' });
    // The pre-due invoice is listed as a courtesy: not in the totals, to be paid by its due date.
    const b1 = first.letters[0]?.letter;
    expect(b1?.lines.map((l) => `${l.number}:${l.courtesy === true}:${l.deadline}`)).toEqual([
      'I-FI:false:2026-04-10',
      'I-FO:false:2026-04-10',
      'I-F1:false:2026-04-10',
      'I-PRE:true:2026-04-15',
    ]);
    expect(b1?.totals[0]?.outstanding).toBe('1550.00');
    expect(brief(await run(h().store))).toEqual([]);
    const outbox = await h().store.outboxEntries(['pending']);
    expect(outbox.map((o) => o.id)).toEqual([
      'L-20260331-B1-final-email',
      'L-20260331-B1-final-print',
      'L-20260331-B4-final-email', // B4 has no e-mail address: this attempt fails, the printed copy goes by post
      'L-20260331-B4-final-print',
    ]);
  });

  it('a run killed half-way and run again sends nothing twice and loses nothing', async () => {
    await h().reset();
    await seed(h().store);
    // Buyer B1's transaction commits, B4's dies.
    const oneByOne = { asOf, policy, company, rates, dryRun: false, buyersPerTransaction: 1 };
    await expect(runDunning(killedAt(h().store, 2), oneByOne)).rejects.toThrow('killed');
    const again = await run(h().store);
    expect(brief(again)).toEqual(['B4:final:letter:fr:I-AG@final']);
    expect((await h().store.outboxEntries(['pending'])).length).toBe(4);
    const sent: string[] = [];
    const send = async (e: OutboxEntry) => {
      sent.push(e.id);
      return e.recipient === undefined && e.kind === 'email'
        ? { status: 'failed' as const, channel: 'smtp', detail: 'no e-mail address' }
        : { status: e.kind === 'email' ? ('sent' as const) : ('written' as const), channel: e.kind, detail: 'ok' };
    };
    // Delivery stopped after sending the second entry, before recording it (transactions: claim, record, claim,
    // record ← killed): the second entry stays claimed.
    await expect(deliverOutbox(killedAt(h().store, 4), send, asOf)).rejects.toThrow('killed');
    expect(sent).toHaveLength(2);
    // The entry claimed by the stopped delivery is not sent by another before it is deemed abandoned …
    const second = await deliverOutbox(h().store, send, asOf);
    expect(second.attempted).toBe(2);
    expect(second.failed.map((f) => f.outboxId)).toEqual(['L-20260331-B4-final-email']);
    expect(sent).toHaveLength(2 + 2);
    // … and is then claimed again and sent once more, with the same message id (derived from the entry).
    const rest = await deliverOutbox(h().store, send, asOf, { reclaimAfterSeconds: 0 });
    expect(rest.attempted).toBe(1);
    expect(sent).toHaveLength(2 + 2 + 1);
    expect(new Set(sent).size).toBe(4);
    expect(sent.filter((id) => id === sent[1])).toHaveLength(2);
    expect(sent.at(-1)).toBe(sent[1]);
    expect(await h().store.outboxEntries(['pending'])).toEqual([]);
    expect((await deliverOutbox(h().store, send, asOf)).attempted).toBe(0);
    expect(brief(await run(h().store))).toEqual([]);
  });

  it('escalates broken promises and plans, resumes a resolved dispute, and keeps the timeline', async () => {
    await h().reset();
    await seed(h().store);
    const s = h().store;
    await run(s);
    const plan = await createPlan(
      s,
      {
        buyerId: 'B1',
        documents: ['I-F1'],
        spec: {
          kind: 'explicit',
          instalments: [
            { date: date('2026-04-15'), amount: '150.00' },
            { date: date('2026-05-15'), amount: '150.00' },
          ],
        },
        graceDays: 5,
        notes: '',
        by: 'anna',
      },
      date('2026-04-01'),
    );
    expect(plan.ok).toBe(true);
    const resolved = await resolveDispute(
      s,
      { id: 'DSP-0001', outcome: 'rejected', notes: 'photos show no damage', by: 'ben' },
      date('2026-04-07'),
    );
    expect(resolved.ok).toBe(true);
    const april7 = await must(runDunning(s, { asOf: date('2026-04-07'), policy, company, rates, dryRun: false }));
    expect(brief(april7)).toEqual(['B1:final:letter:en:I-DIS@final', 'B2:final:letter:zh-CN:I-PRM@final']);
    expect(april7.events.map((e) => `${e.kind}:${'id' in e ? e.id : ''}`)).toEqual(['promise_broken:PRM-0001']);
    const work = await must(
      collectorWorklist(s, {
        asOf: date('2026-04-07'),
        policy,
        company,
        rates,
        currency: 'EUR' as CurrencyCode,
        defaultPd: 0.02,
      }),
    );
    expect(work.map((t) => `${t.buyerId}:${t.action}`)).toEqual(
      expect.arrayContaining(['B2:follow_up_promise', 'B2:post_letter', 'B1:post_letter']),
    );
    expect(work.map((t) => t.score)).toEqual([...work.map((t) => t.score)].sort((a, b) => b - a));
    // The broken promise's reason: a code with its references, written in words by core's catalogs.
    const broken = work.find((t) => t.action === 'follow_up_promise');
    expect(broken?.reason.code).toBe('promise_broken');
    expect(broken ? renderReason(workReasonMessage(broken.reason), 'en') : '').toMatch(
      /^Promise PRM-0001 of [A-Z]{3} [\d,]+\.\d\d broken$/,
    );
    const april21 = await must(runDunning(s, { asOf: date('2026-04-21'), policy, company, rates, dryRun: false }));
    // Each item one step on from its letter of 31 March (I-F1 at once: its plan broke); B4 after its final demand
    // goes to the agency, not yet to court.
    expect(brief(april21)).toEqual([
      'B1:agency:agency:en:I-FI@agency+I-FO@final+I-F1@formal+I-PRE@friendly',
      'B4:agency:agency:fr:I-AG@agency',
    ]);
    expect(april21.events.map((e) => `${e.kind}:${'id' in e ? e.id : ''}`)).toEqual(['plan_broken:PLN-0001']);
    const timeline = await buyerTimeline(s, 'B2');
    if (!timeline.ok) throw new Error('timeline');
    expect(timeline.value.map((e) => `${e.date}:${e.kind}`)).toEqual([
      '2026-03-30:promise_made',
      '2026-04-07:promise_broken',
      '2026-04-07:letter',
    ]);
  });

  it('sets open credit notes and unapplied cash off against the letters, and sends none when they cover all', async () => {
    await h().reset();
    const s = h().store;
    const cols = ['buyer_id', 'name', 'country', 'currency', 'payment_terms_days', 'language', 'email'];
    const buyers = [
      ['C1', 'Gamma GmbH', 'DE', 'EUR', '30', 'de', 'ap@gamma.example'],
      ['C2', 'Kappa Oy', 'FI', 'EUR', '30', 'en', 'ap@kappa.example'],
      ['C3', 'Lambda AB', 'SE', 'EUR', '30', 'en', 'ap@lambda.example'],
    ];
    expect((await importBuyers(s, rowFile('b.csv', cols, buyers))).ok).toBe(true);
    const docCols = ['document_number', 'buyer_id', 'issue_date', 'due_date', 'amount', 'currency', 'type'];
    const docs = [
      ['G-1', 'C1', '2026-01-01', '2026-02-20', '500.00', 'EUR', 'invoice'], // 39 days: final
      ['G-2', 'C1', '2026-01-01', '2026-03-20', '300.00', 'EUR', 'invoice'], // 11 days: friendly
      ['GC-1', 'C1', '2026-03-05', '2026-03-05', '120.00', 'EUR', 'credit_note'],
      ['K-1', 'C2', '2026-01-01', '2026-03-10', '200.00', 'EUR', 'invoice'],
      ['KC-1', 'C2', '2026-03-01', '2026-03-01', '250.00', 'EUR', 'credit_note'],
      ['L-1', 'C3', '2026-02-01', '2026-03-10', '200.00', 'EUR', 'invoice'],
    ];
    expect((await importDocuments(s, rowFile('i.csv', docCols, docs))).ok).toBe(true);
    const payCols = ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency', 'document_number'];
    // 80.00 received from C3 before its invoice existed: cash on account, not applied to any invoice.
    expect(
      (await importPayments(s, rowFile('p.csv', payCols, [['Q-1', 'C3', '2026-01-15', '80.00', 'EUR', '']]))).ok,
    ).toBe(true);
    expect(await s.unappliedCash(asOf)).toEqual([{ buyerId: 'C3', currency: 'EUR', amount: 80_00n }]);
    const r = await must(
      runDunning(s, {
        asOf,
        policy,
        company: { ...company, interestRegime: 'none' },
        rates,
        dryRun: true,
      }),
    );
    expect(brief(r)).toEqual(['C1:final:letter:de:G-1@final+G-2@friendly', 'C3:formal:letter:en:L-1@formal']);
    expect(r.letters[1]?.letter.credits).toEqual([{ kind: 'unapplied_cash', currency: 'EUR', amount: '80.00' }]);
    expect(r.letters[1]?.letter.totals[0]).toMatchObject({ outstanding: '200.00', credits: '80.00', total: '120.00' });
    expect(r.skipped).toEqual([{ number: 'K-1', buyerId: 'C2', reason: 'covered_by_credits' }]);
    const final = r.letters.find((l) => l.letter.levelId === 'final')?.letter;
    // The credit note goes against the oldest item first; the one letter asks 500.00 + 300.00 − 120.00.
    expect(final?.credits).toEqual([
      { kind: 'credit_note', reference: 'GC-1', date: '2026-03-05', currency: 'EUR', amount: '120.00' },
    ]);
    expect(final?.totals[0]).toMatchObject({ outstanding: '800.00', credits: '120.00', total: '680.00' });
  });

  it('letters again the same day after a change, refuses to go back in time, and previews an earlier date as it was', async () => {
    await h().reset();
    await seed(h().store);
    const s = h().store;
    await run(s);
    // The dispute on I-DIS (final level) is rejected the same afternoon: a supplementary final demand.
    expect((await resolveDispute(s, { id: 'DSP-0001', outcome: 'rejected', notes: '', by: 'ben' }, asOf)).ok).toBe(
      true,
    );
    const again = await run(s);
    expect(brief(again)).toEqual(['B1:final:letter:en:I-DIS@final']);
    expect(again.letters[0]?.letter.id).toBe('L-20260331-B1-final-2');
    // The supplement keeps the morning letter's deadline: never two deadlines to one buyer on one day.
    expect(again.letters[0]?.letter.deadline).toBe('2026-04-10');
    expect(brief(await run(s))).toEqual([]);
    // A run for an earlier date would rewrite history; its preview shows what that day looked like.
    const back = await runDunning(s, { asOf: date('2026-03-20'), policy, company, rates, dryRun: false });
    expect(back.ok ? 'ran' : back.error.params.reason).toBe('run_before_last');
    const preview = await run(s, true);
    expect(preview.actions).toEqual([]);
    const earlier = await must(runDunning(s, { asOf: date('2026-03-20'), policy, company, rates, dryRun: true }));
    // On 20 March the dispute (opened 28 March) and the pause (from 15 March) were as then: I-DIS was not disputed.
    expect(earlier.skipped.map((x) => `${x.number}:${x.reason}`)).not.toContain('I-DIS:disputed');
    expect(earlier.skipped.map((x) => `${x.number}:${x.reason}`)).toContain('I-PSD:paused');
  });

  it('breaks a plan on documents due later, and escalates a broken promise at the first run that can letter it', async () => {
    await h().reset();
    await seed(h().store);
    const s = h().store;
    // Plan on I-F1 (overdue) and I-PRE (due 15 April): 4 × 275.00 monthly from 5 April; nothing is paid.
    const plan = await createPlan(
      s,
      {
        buyerId: 'B1',
        documents: ['I-F1', 'I-PRE'],
        spec: { kind: 'monthly', count: 4, first: date('2026-04-05') },
        graceDays: 5,
        notes: '',
        by: 'anna',
      },
      date('2026-03-31'),
    );
    expect(plan.ok && plan.value.instalments.map((i) => i.amount)).toEqual([27500n, 27500n, 27500n, 27500n]);
    const april11 = await must(runDunning(s, { asOf: date('2026-04-11'), policy, company, rates, dryRun: true }));
    expect(april11.events.map((e) => `${e.kind}:${'id' in e ? e.id : ''}`)).toContain('plan_broken:PLN-0001');
    // A promise on I-FO (formal letter of 31 March, deadline 10 April) breaks on 7 April while B1 is paused:
    // that run records the break but can letter nothing; the first run after the pause escalates at once.
    await run(s);
    const promise = await addPromise(
      s,
      {
        buyerId: 'B1',
        amount: '800.00',
        date: date('2026-04-03'),
        documents: ['I-FO'],
        graceDays: 3,
        notes: '',
        by: 'anna',
      },
      date('2026-04-01'),
    );
    expect(promise.ok).toBe(true);
    expect(
      (
        await pauseBuyer(
          s,
          { buyerId: 'B1', until: date('2026-04-08'), reason: 'audit', by: 'anna' },
          date('2026-04-01'),
        )
      ).ok,
    ).toBe(true);
    const april7 = await must(runDunning(s, { asOf: date('2026-04-07'), policy, company, rates, dryRun: false }));
    expect(april7.events.map((e) => `${e.kind}:${'id' in e ? e.id : ''}`)).toContain('promise_broken:PRM-0002');
    expect(brief(april7).filter((a) => a.startsWith('B1'))).toEqual([]);
    const april9 = await must(runDunning(s, { asOf: date('2026-04-09'), policy, company, rates, dryRun: true }));
    expect(brief(april9).filter((a) => a.includes('I-FO'))).toEqual(['B1:final:letter:en:I-FO@final']);
  });

  it('two deliveries at once send each entry once', async () => {
    await h().reset();
    await seed(h().store);
    await run(h().store);
    const sent: string[] = [];
    const slow = async (e: OutboxEntry) => {
      sent.push(e.id);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { status: 'written' as const, channel: e.kind, detail: 'ok' };
    };
    const [a, b] = await Promise.all([deliverOutbox(h().store, slow, asOf), deliverOutbox(h().store, slow, asOf)]);
    expect(a.attempted + b.attempted).toBe(4);
    expect(new Set(sent).size).toBe(sent.length);
  });

  it('delivers a run as a job: queued once, failures retried by the next attempts, each entry sent once', async () => {
    await h().reset();
    await seed(h().store);
    await run(h().store);
    const t = (s: number) => new Date(Date.UTC(2026, 2, 31, 8, 0, s));
    expect(await enqueueRunDelivery(h().store, date('2026-03-30'), t(0))).toMatchObject({ ok: false });
    const [a, b] = await Promise.all([0, 1].map(() => enqueueRunDelivery(h().store, asOf, t(0))));
    expect(a?.ok && b?.ok && a.value.job.id === b.value.job.id).toBe(true);
    const sent: string[] = [];
    const send = async (e: OutboxEntry) => {
      sent.push(e.id);
      return e.recipient === undefined && e.kind === 'email'
        ? { status: 'failed' as const, channel: 'smtp', detail: 'no e-mail address' }
        : { status: 'written' as const, channel: e.kind, detail: 'ok' };
    };
    const handlers = { 'dunning.deliver': (p: unknown) => deliverRun(h().store, send, p, asOf).then(() => {}) };
    const outcomes: string[] = [];
    // At each attempt's time (backoff 10, 20, 40, 80 s), a moment too early, and after the last.
    for (const s of [0, 5, 10, 30, 70, 150, 310]) {
      const r = await runNextJob(h().store, { handlers, worker: 'w', clock: { now: () => t(s) } });
      if (r) outcomes.push(r.outcome.kind);
    }
    expect(outcomes).toEqual(['retry', 'retry', 'retry', 'retry', 'failed']);
    // Three entries written at the first attempt; B4's e-mail (no address) tried at each of the five.
    expect(sent.filter((id) => id !== 'L-20260331-B4-final-email')).toHaveLength(3);
    expect(sent.filter((id) => id === 'L-20260331-B4-final-email')).toHaveLength(5);
    const job = await h().store.findJob(a?.ok ? a.value.job.id : '');
    expect(job?.lastError).toContain('no e-mail address');
  });

  it('two runs of one date at once letter each document once', async () => {
    await h().reset();
    await seed(h().store);
    const x = { asOf, policy, company, rates, dryRun: false };
    const [a, b] = await Promise.all([runDunning(h().store, x), runDunning(h().store, x)]);
    const outcomes = [a, b].map((r) => (r.ok ? `letters:${r.value.letters.length}` : String(r.error.params.reason)));
    // Each either recorded the day's letters, found them recorded, or was refused for recording them meanwhile.
    expect(outcomes.filter((o) => o === 'letters:2')).toHaveLength(1);
    expect(outcomes.every((o) => ['letters:2', 'letters:0', 'concurrent_run'].includes(o))).toBe(true);
    const ids = (await h().store.lettersOn(asOf)).map((l) => l.letter.id);
    expect(ids.filter((id) => /-\d$/.test(id))).toEqual([]);
    expect(ids).toHaveLength(2);
  });
});
