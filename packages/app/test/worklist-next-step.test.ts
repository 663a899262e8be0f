import { date, nextStepMessage, parseDunningPolicy, renderReason } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { addNote } from '../src/collections/add-note';
import { refreshWorklist } from '../src/collections/refresh-worklist';
import { collectorWorklist } from '../src/collections/worklist';
import { importDocuments } from '../src/import/import-documents';
import { buyer, INVOICE_HEADER, seedBuyers, source } from './fixtures';
import { MemoryStore } from './memory-store';
import { worklistSetup } from './worklist-fixtures';

// Issue 18, item 8: the payer pattern (cannot pay / will not pay) sets the next step of a buyer's overdue tasks.
const ladder = parseDunningPolicy({
  id: 'p',
  minimumOverdue: '0',
  levels: [
    { id: 'formal', offsetDays: 15, channel: 'letter', tone: 'warning', fee: '0', deadlineDays: 10 },
    { id: 'hold', offsetDays: 45, channel: 'credit_hold', tone: 'final', fee: '0', deadlineDays: 10 },
    { id: 'legal', offsetDays: 75, channel: 'legal', tone: 'final', fee: '0', deadlineDays: 10 },
  ],
});
const asOf = date('2026-03-31');

async function setup() {
  if (!ladder.ok) throw new Error('ladder');
  const { company, rates } = worklistSetup();
  const store = new MemoryStore();
  // W: silent, a sound bureau score — will not pay. C: explains itself, weak insurer grade — cannot pay.
  // U: explains itself, a sound bureau score — unclear.
  await seedBuyers(store, [buyer('W'), buyer('C'), buyer('U')]);
  const rows = ['W', 'C', 'U'].map((b) => [`I-${b}`, b, '2026-01-01', '2026-03-01', '1000.00', 'EUR']);
  expect((await importDocuments(store, source('i.csv', INVOICE_HEADER, rows))).ok).toBe(true);
  await store.transact((tx) =>
    tx.upsertExternalGrades([
      { buyerId: 'W', date: date('2026-02-01'), source: 'bureau', value: 80 },
      { buyerId: 'C', date: date('2026-02-01'), source: 'insurer', value: 8 },
      { buyerId: 'U', date: date('2026-02-01'), source: 'bureau', value: 75 },
    ]),
  );
  for (const b of ['C', 'U'])
    expect(
      (await addNote(store, { buyerId: b, kind: 'note', text: 'cash is tight', documents: [], by: 'cora' }, asOf)).ok,
    ).toBe(true);
  return { store, day: { asOf, policy: ladder.value, company, rates, currency: buyer('W').currency, defaultPd: 0.02 } };
}

describe("the worklist's next step from the payer pattern", () => {
  it('escalation for will not pay, a payment plan for cannot pay, a call when unclear; and why', async () => {
    const { store, day } = await setup();
    const work = await collectorWorklist(store, day);
    if (!work.ok) throw new Error(JSON.stringify(work.error));
    const step = new Map(work.value.map((t) => [t.buyerId, [t.action, t.daysOverdue, t.nextStep]]));
    expect(Object.fromEntries(step)).toEqual({
      // 30 days overdue: the next escalating step of the ladder is the credit hold from day 45.
      W: [
        'post_letter',
        30,
        {
          code: 'escalate',
          params: { why: 'no_explanation,external_grade_sound', level: 'hold', channel: 'credit_hold', days: 45 },
        },
      ],
      C: ['post_letter', 30, { code: 'payment_plan', params: { why: 'explanation_offered,external_grade_weak' } }],
      U: ['post_letter', 30, { code: 'call', params: { why: 'explanation_offered,external_grade_sound' } }],
    });
    const w = work.value.find((t) => t.buyerId === 'W')?.nextStep;
    if (w === undefined) throw new Error('W');
    expect(renderReason(nextStepMessage(w), 'en')).toBe(
      'Will not pay, it seems (no explanation offered, a sound external grade): escalate now to hold (credit hold), the ladder’s step from 45 days overdue',
    );
    expect(renderReason(nextStepMessage(w), 'zh-CN')).toBe(
      '看来是不愿付款（未作任何说明、外部评级良好）：立即升级至hold（暂停供货），即催收流程中逾期 45 天 的一步',
    );
  });

  it('the kept list carries it too, from a fixed number of reads whatever the buyers', async () => {
    const { store, day } = await setup();
    const calls: string[] = [];
    const counted = new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function' || typeof prop !== 'string') return v;
        return (...args: unknown[]) => {
          calls.push(prop === 'behaviourSums' && args[2] !== undefined ? 'behaviourSums(buyer)' : prop);
          return v.apply(target, args);
        };
      },
    });
    const kept = await refreshWorklist(counted, day);
    expect(kept.ok && kept.value.tasks.map((t) => t.nextStep?.code).sort()).toEqual([
      'call',
      'escalate',
      'payment_plan',
    ]);
    expect(calls.filter((c) => ['externalGradesOf', 'behaviourSums(buyer)', 'buyerOpenItems'].includes(c))).toEqual([]);
    // One, shared by the grades that rank the list and the external grades of the patterns (issue 13).
    expect(calls.filter((c) => c === 'monitoringFacts')).toHaveLength(1);
  });
});
