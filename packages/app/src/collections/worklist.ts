import {
  type CurrencyCode,
  collectionsState,
  convert,
  type DeliveryConfirmationPolicy,
  daysBetween,
  exponentOf,
  type FxRate,
  money,
  ok,
  parseMoney,
  type RankedTask,
  type Result,
  rankWorklist,
  type TaskCandidate,
  type WorkNextStep,
  type WorkReason,
  type WorkTask,
} from '@credence/core';
import { gradesInForce } from '../grading/recorded-grade';
import type { Store } from '../ports';
import type { Letter } from './letter';
import { listed } from './listed';
import type { RecordedLetter } from './ports';
import { readingOnce } from './read-once';
import { type DunningDay, runDunning } from './run-dunning';
import { insuranceDeadlineTasks } from './worklist-insurance';
import { confirmDeliveryTasks } from './worklist-kinds/confirm-delivery';
import { renewSecurityTasks, type SecurityWindow } from './worklist-kinds/renew-security';
import { withNextSteps } from './worklist-next-step';

const ACTION_OF: Partial<Record<Letter['channel'], WorkTask['action']>> = {
  call: 'call',
  letter: 'post_letter',
  agency: 'hand_off',
  legal: 'hand_off',
  credit_hold: 'credit_hold',
};
const DISPUTE_CHASE_DAYS = 14;

export interface Converted {
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  readonly exponent: number;
  /** No FX rate converted it: it stays in its own currency. */
  readonly noFxRate: boolean;
}

export type WorklistDay = DunningDay & {
  currency: CurrencyCode;
  defaultPd: number;
  /** The credit policy's delivery confirmation rule (`confirm_delivery` tasks); absent: none. */
  delivery?: DeliveryConfirmationPolicy;
  /** The credit policy's security window (`renew_security` tasks); absent: none. */
  securities?: SecurityWindow;
};

/** Amounts in the reporting currency of the day, or as they are when no FX rate converts them (the task says so). */
export function reportingAmounts(fx: readonly FxRate[], to: CurrencyCode, asOf: WorklistDay['asOf']) {
  const inReporting = (amount: bigint, currency: CurrencyCode): Converted => {
    const c = convert(money(amount, currency), to, fx, asOf);
    return c.ok
      ? { amount: c.value.amount, currency: to, exponent: exponentOf(to), noFxRate: false }
      : { amount, currency, exponent: exponentOf(currency), noFxRate: true };
  };
  const sum = (parts: readonly Converted[]): Converted => {
    const first = parts[0] ?? inReporting(0n, to);
    const same = parts.filter((p) => p.currency === first.currency);
    return {
      ...first,
      amount: same.reduce((s, p) => s + p.amount, 0n),
      noFxRate: parts.some((p) => p.noFxRate),
    };
  };
  return { inReporting, sum };
}

/**
 * Ranks tasks by amount × days overdue × the PD of each buyer's grade in force (its override, else its recorded
 * grade; the default PD without one).
 */
export async function rankTasks<T extends Omit<WorkTask, 'pd'>>(
  store: Store,
  tasks: readonly T[],
  x: Pick<WorklistDay, 'asOf' | 'defaultPd'>,
): Promise<(T & RankedTask & { readonly tier?: GradeTier })[]> {
  // Every buyer's grade in force in one portfolio read, not one read per buyer (issue 14, item 4).
  const grades: ReadonlyMap<string, { pd: number; tier?: GradeTier }> =
    tasks.length === 0 ? new Map() : await gradesInForce(store, x.asOf);
  // The tier of the grade in force rides along (the web worklist filters by it); the PD ranks.
  return rankWorklist(
    tasks.map((t) => {
      const g = grades.get(t.buyerId);
      return { ...t, pd: g?.pd ?? x.defaultPd, ...(g?.tier !== undefined ? { tier: g.tier } : {}) };
    }),
  );
}

type GradeTier = 'low' | 'medium' | 'high';

/**
 * Today's work for collectors, ranked by amount × days overdue × risk (`rankWorklist`), as the day derives it
 * (`worklistCandidates`), without what earlier days left open: `refreshWorklist` keeps the list.
 */
export async function collectorWorklist(
  given: Store,
  x: WorklistDay,
): Promise<Result<(RankedTask & { readonly nextStep?: WorkNextStep })[]>> {
  const store = readingOnce(given);
  const found = await worklistCandidates(store, x);
  return found.ok ? ok(await withNextSteps(store, await rankTasks(store, found.value, x), x)) : found;
}

/**
 * The tasks the day derives, each with a stable key: the letters of the day that need a person (calls, letters to
 * post, hand-offs, credit holds), deliveries that failed, promises due today or broken today, disputes open for
 * more than two weeks (one chase every two weeks); each with its reason and the documents it concerns.
 */
export async function worklistCandidates(store: Store, x: WorklistDay): Promise<Result<TaskCandidate[]>> {
  const { asOf } = x;
  const { inReporting, sum } = reportingAmounts(await store.fxRates(), x.currency, asOf);
  const letterTotal = (l: Letter) =>
    sum(
      l.lines.flatMap((line) => {
        const m = parseMoney(line.outstanding, line.currency);
        return m.ok ? [inReporting(m.value.amount, line.currency)] : [];
      }),
    );
  const tasks: TaskCandidate[] = [];
  const push = (
    about: { subject: string; documents: readonly string[]; round?: number },
    buyerId: string,
    action: WorkTask['action'],
    reason: WorkReason,
    c: Converted,
    days: number,
  ) =>
    tasks.push({
      key: `${action}:${about.subject}${about.round === undefined ? '' : `/${about.round}`}`,
      subject: about.subject,
      documents: about.documents,
      buyerId,
      action,
      reason,
      amount: c.amount,
      currency: c.currency,
      exponent: c.exponent,
      daysOverdue: days,
      ...(c.noFxRate ? { noFxRate: true } : {}),
    });

  const run = await runDunning(store, { asOf, policy: x.policy, company: x.company, rates: x.rates, dryRun: true });
  if (!run.ok) return run;
  const planned = run.value;
  const today: RecordedLetter[] = [...(await store.lettersOn(asOf)), ...planned.letters];
  for (const { letter: l, outbox } of today) {
    // An e-mail level for a buyer without an address is printed: someone has to post it.
    const unmailed = ACTION_OF[l.channel] === undefined && outbox.some((o) => o.kind === 'print');
    const action = ACTION_OF[l.channel] ?? (unmailed ? 'post_letter' : undefined);
    const days = Math.max(...l.lines.map((line) => line.daysOverdue));
    const docs = listed(l.lines.map((line) => line.number));
    const why: WorkReason = {
      code: unmailed ? 'letter_unmailed' : 'letter',
      params: { level: l.levelId, channel: l.channel, documents: docs, letter: l.id },
    };
    if (action) push(aboutLetter(l), l.debtor.id, action, why, letterTotal(l), days);
    // A level that suspends supply or asks for a call besides its letter: a task for each (the seeds' rhythm).
    if (l.hold === true && action !== 'credit_hold')
      push(aboutLetter(l), l.debtor.id, 'credit_hold', why, letterTotal(l), days);
    if (l.call === true && action !== 'call') push(aboutLetter(l), l.debtor.id, 'call', why, letterTotal(l), days);
  }
  const failed = await store.outboxEntries(['failed']);
  const failedOf = new Map<string, typeof failed>();
  for (const f of failed) failedOf.set(f.letterId, [...(failedOf.get(f.letterId) ?? []), f]);
  for (const r of await store.findLetters([...failedOf.keys()])) {
    const l = r.letter;
    const days = Math.max(...l.lines.map((line) => line.daysOverdue));
    for (const f of failedOf.get(l.id) ?? [])
      push(
        { subject: f.id, documents: aboutLetter(l).documents },
        l.debtor.id,
        'fix_delivery',
        f.recipient
          ? { code: 'delivery_failed', params: { kind: f.kind, letter: l.id, recipient: f.recipient } }
          : { code: 'delivery_no_address', params: { kind: f.kind, letter: l.id } },
        letterTotal(l),
        days,
      );
  }
  const state = collectionsState([...(await store.collectionEvents()).map((e) => e.event), ...planned.events]);
  for (const p of state.promises.values()) {
    const amount = inReporting(p.amount, p.currency);
    const days = daysBetween(p.promisedDate, asOf);
    const about = { subject: p.id, documents: p.documents };
    const promised = { promise: p.id, amount: p.amount.toString(), currency: p.currency };
    if (p.status === 'open' && p.promisedDate === asOf)
      push(about, p.buyerId, 'check_promise', { code: 'promise_due', params: promised }, amount, days);
    if (p.status === 'broken' && p.settledOn === asOf)
      push(about, p.buyerId, 'follow_up_promise', { code: 'promise_broken', params: promised }, amount, days);
  }
  const open = new Map((await store.dunnableItems(asOf, asOf)).map((i) => [i.number, i]));
  for (const d of state.disputes.values()) {
    const age = daysBetween(d.date, asOf);
    if (d.resolution !== undefined || age <= DISPUTE_CHASE_DAYS) continue;
    const items = d.documents.flatMap((n) => open.get(n) ?? []);
    const amount = sum(items.map((i) => inReporting(i.open, i.currency)));
    const days = Math.max(0, ...items.map((i) => daysBetween(i.dueDate, asOf)));
    // One chase every two weeks the dispute stays open: each its own task.
    push(
      { subject: d.id, documents: d.documents, round: Math.floor(age / (DISPUTE_CHASE_DAYS + 1)) },
      d.buyerId,
      'chase_dispute',
      {
        code: 'dispute_open',
        params: { dispute: d.id, reason: d.reason, documents: listed(d.documents), days: age, owner: d.owner },
      },
      amount,
      days,
    );
  }
  tasks.push(...(await insuranceDeadlineTasks(store, x, inReporting)));
  tasks.push(...(await confirmDeliveryTasks(store, x, inReporting)));
  tasks.push(...(await renewSecurityTasks(store, x, inReporting)));
  return ok(tasks);
}

const aboutLetter = (l: Letter) => ({ subject: l.id, documents: l.lines.map((line) => line.number) });
