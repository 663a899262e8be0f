// Examples of the routes for notes, disputes, promises, plans, the worklist, dunning, letters and interest (see examples.ts).
import { date } from '@credence/core';
import type { Example, Facts } from './examples';

export function collectionExamples(f: Facts): Record<string, readonly Example[]> {
  const b = `/api/v1/buyers/${f.buyer}`;
  return {
    addNote: [
      {
        name: 'a call',
        as: 'collector',
        method: 'POST',
        path: `${b}/notes`,
        body: { kind: 'call', text: 'will pay Friday' },
        status: 201,
      },
      {
        name: 'in the future',
        as: 'collector',
        method: 'POST',
        path: `${b}/notes`,
        body: { text: 'x', date: '2027-01-01' },
        status: 422,
      },
      {
        name: 'unknown buyer',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/buyers/NOPE/notes',
        body: { text: 'x' },
        status: 404,
      },
    ],
    openDispute: [
      {
        name: 'quality',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/disputes',
        body: { documents: [f.invoice], reason: 'quality' },
        status: 201,
      },
      {
        name: 'unknown reason',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/disputes',
        body: { documents: [f.invoice], reason: 'mood' },
        status: 400,
      },
    ],
    // The dispute opened by `openDispute` above is the first: DSP-0001.
    resolveDispute: [
      {
        name: 'partial without a credit note',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/disputes/DSP-0001/resolve',
        body: { outcome: 'partial' },
        status: 422,
      },
      {
        name: 'rejected',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/disputes/DSP-0001/resolve',
        body: { outcome: 'rejected', notes: 'goods were fine' },
        status: 201,
      },
      {
        name: 'again',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/disputes/DSP-0001/resolve',
        body: { outcome: 'rejected' },
        status: 403,
      },
      {
        name: 'unknown',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/disputes/DSP-9999/resolve',
        body: { outcome: 'rejected' },
        status: 404,
      },
    ],
    addPromise: [
      {
        name: 'by Friday',
        as: 'collector',
        method: 'POST',
        path: `${b}/promises`,
        body: { amount: '500.00', date: '2026-07-03', documents: [f.invoice] },
        status: 201,
      },
      {
        name: 'in the past',
        as: 'collector',
        method: 'POST',
        path: `${b}/promises`,
        body: { amount: '500.00', date: '2026-06-01' },
        status: 422,
      },
      {
        name: 'too many decimals',
        as: 'collector',
        method: 'POST',
        path: `${b}/promises`,
        body: { amount: '500.001', date: '2026-07-03', documents: [f.invoice] },
        status: 422,
      },
    ],
    createPlan: [
      {
        name: 'three months',
        as: 'collector',
        method: 'POST',
        path: `${b}/plans`,
        body: { documents: [f.invoice], monthly: { count: 3, first: '2026-07-15' } },
        status: 201,
      },
      {
        name: 'already in a plan',
        as: 'collector',
        method: 'POST',
        path: `${b}/plans`,
        body: { documents: [f.invoice], monthly: { count: 2, first: '2026-07-15' } },
        status: 403,
      },
      {
        name: 'both ways',
        as: 'collector',
        method: 'POST',
        path: `${b}/plans`,
        body: { documents: [f.invoice], instalments: [], monthly: { count: 2, first: '2026-07-15' } },
        status: 400,
      },
    ],
    // By now: DSP-0001 (rejected), the promise and the plan of the examples above.
    listDisputes: [
      { name: 'all', as: 'collector', method: 'GET', path: `/api/v1/disputes?buyerId=${f.buyer}`, status: 200 },
      { name: 'bad flag', as: 'collector', method: 'GET', path: '/api/v1/disputes?open=yes', status: 400 },
    ],
    listPromises: [
      { name: 'open', as: 'collector', method: 'GET', path: '/api/v1/promises?open=true', status: 200 },
      { name: 'bad flag', as: 'collector', method: 'GET', path: '/api/v1/promises?open=1', status: 400 },
    ],
    listPlans: [
      { name: 'all', as: 'admin', method: 'GET', path: '/api/v1/plans', status: 200 },
      { name: 'empty buyer id', as: 'admin', method: 'GET', path: '/api/v1/plans?buyerId=', status: 400 },
    ],
    // On the day the promise of `addPromise` falls due, the worklist keeps a task to check it.
    getWorklist: [
      {
        name: 'the day a promise is due',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/worklist?asOf=2026-07-03&currency=EUR&lang=zh-CN',
        status: 200,
      },
      { name: 'bad limit', as: 'collector', method: 'GET', path: '/api/v1/worklist?limit=0', status: 400 },
    ],
    refreshWorklist: [
      {
        name: 'keep the day a promise is due',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/worklist/refresh?asOf=2026-07-03&currency=EUR',
        status: 200,
      },
      {
        name: 'bad date',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/worklist/refresh?asOf=03.07.2026',
        status: 400,
      },
    ],
    snoozeTask: [
      {
        name: 'a week',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/worklist/check_promise:PRM-0001/snooze',
        body: { until: '2026-07-10', note: 'customer on holiday' },
        status: 200,
      },
      {
        name: 'until today',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/worklist/check_promise:PRM-0001/snooze',
        body: { until: '2026-06-30' },
        status: 422,
      },
    ],
    completeTask: [
      {
        name: 'done',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/worklist/check_promise:PRM-0001/done',
        body: { note: 'paid by wire' },
        status: 200,
      },
      {
        name: 'unknown task',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/worklist/call:NOPE/done',
        body: {},
        status: 404,
      },
    ],
    // Paused and resumed before the letters below: they are due again.
    pauseDunning: [
      {
        name: 'a week',
        as: 'collector',
        method: 'POST',
        path: `${b}/pause`,
        body: { until: '2026-07-07', reason: 'talks' },
        status: 201,
      },
      {
        name: 'in the past',
        as: 'collector',
        method: 'POST',
        path: `${b}/pause`,
        body: { until: '2026-06-01', reason: 'talks' },
        status: 422,
      },
    ],
    resumeDunning: [
      {
        name: 'resume',
        as: 'collector',
        method: 'POST',
        path: `${b}/resume`,
        body: { reason: 'no deal' },
        status: 201,
      },
      { name: 'not paused', as: 'collector', method: 'POST', path: `${b}/resume`, body: { reason: 'x' }, status: 403 },
    ],
    // The buyer's invoice is long overdue: a letter is due (a preview first, then the run records it).
    previewLetter: [
      { name: 'as PDF', as: 'collector', method: 'GET', path: `${b}/letter`, status: 200 },
      { name: 'as HTML', as: 'collector', method: 'GET', path: `${b}/letter?format=html`, status: 200 },
      { name: 'nothing due', as: 'collector', method: 'GET', path: '/api/v1/buyers/UP-B2/letter', status: 404 },
      { name: 'bad format', as: 'collector', method: 'GET', path: `${b}/letter?format=docx`, status: 400 },
    ],
    // Sent out of the day's run: recorded once; the run below finds it recorded (and the letter to get, too).
    sendLetter: [
      { name: 'send', as: 'collector', method: 'POST', path: `${b}/letter`, status: 201 },
      { name: 'already sent today', as: 'collector', method: 'POST', path: `${b}/letter`, status: 409 },
      { name: 'nothing due', as: 'collector', method: 'POST', path: '/api/v1/buyers/UP-B2/letter', status: 404 },
    ],
    runDunning: [
      {
        name: 'dry run',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/dunning-runs',
        body: { dryRun: true },
        status: 200,
      },
      {
        name: 'live, confirmed',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/dunning-runs',
        body: { asOf: '2026-06-30', confirm: true },
        status: 201,
      },
      {
        name: 'live in the future',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/dunning-runs',
        body: { asOf: '2026-07-01' },
        status: 422,
      },
    ],
    // A letter the live run above recorded for the buyer.
    deliverDunningRun: [
      {
        name: 'queued',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/dunning-runs/2026-06-30/deliveries',
        status: 202,
      },
      {
        name: 'no such run',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/dunning-runs/2020-01-01/deliveries',
        status: 404,
      },
    ],
    getJob: [
      { name: 'the delivery job', as: 'collector', method: 'GET', path: '/api/v1/jobs/1', status: 200 },
      { name: 'unknown', as: 'collector', method: 'GET', path: '/api/v1/jobs/999999', status: 404 },
    ],
    getDunningRun: [
      { name: 'the run', as: 'collector', method: 'GET', path: '/api/v1/dunning-runs/2026-06-30', status: 200 },
      { name: 'not a date', as: 'collector', method: 'GET', path: '/api/v1/dunning-runs/2026-13-45', status: 400 },
    ],
    getLetter: [
      {
        name: 'as sent',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/letters/NOPE',
        pathFrom: async (store) => {
          const l = (await store.lettersOn(date('2026-06-30'))).find((r) => r.letter.debtor.id === f.buyer);
          if (l === undefined) throw new Error('the live run recorded no letter for the buyer');
          return `/api/v1/letters/${encodeURIComponent(l.letter.id)}?format=pdf`;
        },
        status: 200,
      },
      { name: 'unknown', as: 'collector', method: 'GET', path: '/api/v1/letters/NOPE', status: 404 },
    ],
    calculateInterest: [
      {
        name: 'eu',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/interest/calculations',
        body: { regime: 'eu', amount: '18000.00', currency: 'EUR', due: '2025-03-31', paid: '2025-09-30' },
        status: 200,
      },
      {
        name: 'contract without rate',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/interest/calculations',
        body: { regime: 'contract', amount: '18000.00', currency: 'EUR', due: '2025-03-31', paid: '2025-09-30' },
        status: 422,
      },
    ],
  };
}
