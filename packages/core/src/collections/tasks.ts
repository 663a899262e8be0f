import type { BusinessDate } from '../calendar';
import type { CollectionEvent } from './events';
import type { CollectionsState } from './state';
import type { WorkTask } from './worklist';

export type TaskState = 'open' | 'snoozed' | 'done';

/** Why a task left the list: it was dealt with by something recorded, or marked done by a person. */
export type TaskCloseReason =
  | 'paid'
  | 'in_hand'
  | 'call_recorded'
  | 'followed_up'
  | 'promise_kept'
  | 'promise_broken'
  | 'dispute_resolved'
  | 'delivered'
  | 'delivery_confirmed'
  | 'delivery_window_passed'
  | 'security_replaced'
  | 'security_ended'
  /** The alert a `review_credit` task was opened for has resolved. */
  | 'alert_resolved'
  | 'marked_done';

/**
 * A task as the day derives it: a stable key (action and what it is about: a letter, a promise, a dispute, an
 * outbox entry), the buyer, the documents it concerns and the figures of the day.
 */
export interface TaskCandidate extends Omit<WorkTask, 'pd'> {
  readonly key: string;
  /** The id of what the task is about (letter, promise, dispute, outbox entry). */
  readonly subject: string;
  readonly documents: readonly string[];
}

/** A task as kept from day to day: open until dealt with, snoozed until a date, or done. */
export interface StoredTask extends TaskCandidate {
  readonly openedOn: BusinessDate;
  readonly state: TaskState;
  /** The date of the last change of state (the opening date while it has never changed). */
  readonly stateOn: BusinessDate;
  readonly snoozedUntil?: BusinessDate;
  readonly closeReason?: TaskCloseReason;
  /** Who closed or snoozed it (a user, or "worklist" when something recorded dealt with it). */
  readonly by?: string;
  readonly note?: string;
}

/** What the ledger and the collection events say today, as far as tasks are concerned. */
export interface TaskFacts {
  /** Documents with a positive open balance today; a document not here is settled. */
  readonly openDocuments: ReadonlySet<string>;
  readonly state: CollectionsState;
  /** Collection events in recording order (calls, notes, promises and plans made after a task opened count). */
  readonly events: readonly CollectionEvent[];
  /** Outbox entries whose delivery has failed (and not succeeded since). */
  readonly failedOutbox: ReadonlySet<string>;
  /** Documents whose delivery has been confirmed (proof of delivery on file). */
  readonly confirmedDeliveries?: ReadonlySet<string>;
  /**
   * The deliveries whose confirmation is a task today (within the policy's window): a kept `confirm_delivery`
   * task not among them has aged out of it. Absent: no delivery rule in force, nothing ages out.
   */
  readonly deliveriesDue?: ReadonlySet<string>;
  /** Expiring securities (by task subject) that a renewal has since replaced, or that were ended early. */
  readonly settledSecurities?: ReadonlyMap<string, 'security_replaced' | 'security_ended'>;
}

/** A document is in hand when it is disputed, promised or in an active plan: someone is dealing with it. */
function inHand(facts: TaskFacts, buyerId: string, number: string): boolean {
  for (const d of facts.state.disputes.values())
    if (d.resolution === undefined && d.buyerId === buyerId && d.documents.includes(number)) return true;
  for (const p of facts.state.promises.values())
    if (p.status === 'open' && p.buyerId === buyerId && (p.documents.length === 0 || p.documents.includes(number)))
      return true;
  for (const p of facts.state.plans.values())
    if (p.status === 'active' && p.buyerId === buyerId && p.documents.includes(number)) return true;
  return false;
}

/** Every document of the task settled (→ paid), or each either settled or in hand (→ in_hand); else undefined. */
function documentsDealtWith(task: StoredTask, facts: TaskFacts): TaskCloseReason | undefined {
  if (task.documents.length === 0) return undefined;
  const open = task.documents.filter((n) => facts.openDocuments.has(n));
  if (open.length === 0) return 'paid';
  return open.every((n) => inHand(facts, task.buyerId, n)) ? 'in_hand' : undefined;
}

/** A call (or, with `notes`, a note) recorded for the buyer on or after the date. */
const contactSince = (facts: TaskFacts, buyerId: string, since: BusinessDate, notes: boolean): boolean =>
  facts.events.some(
    (e) => e.buyerId === buyerId && e.date >= since && (e.kind === 'call' || (notes && e.kind === 'note')),
  );

/** A new promise or plan made for the buyer on or after the date. */
const commitmentSince = (facts: TaskFacts, buyerId: string, since: BusinessDate): boolean =>
  facts.events.some(
    (e) => e.buyerId === buyerId && e.date >= since && (e.kind === 'promise_made' || e.kind === 'plan_created'),
  );

/**
 * Whether something recorded since the task opened has dealt with it, and how. Each action has its own rule:
 * a call task closes with a call recorded; a promise to check closes when the promise is kept or broken (a broken
 * one brings its own follow-up task); a follow-up closes with a call, a note, a new promise or plan; a dispute to
 * chase closes when it is resolved; a failed delivery when it is delivered; and any task whose documents are all
 * paid, or paid or in hand (disputed, promised, in a plan), closes too.
 */
export function taskDealtWith(task: StoredTask, facts: TaskFacts): TaskCloseReason | undefined {
  switch (task.action) {
    case 'call':
      if (contactSince(facts, task.buyerId, task.openedOn, false)) return 'call_recorded';
      break;
    case 'check_promise': {
      const p = facts.state.promises.get(task.subject);
      if (p?.status === 'kept') return 'promise_kept';
      if (p?.status === 'broken') return 'promise_broken';
      return documentsDealtWith(task, facts) === 'paid' ? 'paid' : undefined;
    }
    case 'follow_up_promise':
      if (contactSince(facts, task.buyerId, task.openedOn, true) || commitmentSince(facts, task.buyerId, task.openedOn))
        return 'followed_up';
      break;
    case 'chase_dispute': {
      if (facts.state.disputes.get(task.subject)?.resolution !== undefined) return 'dispute_resolved';
      return documentsDealtWith(task, facts) === 'paid' ? 'paid' : undefined;
    }
    case 'confirm_delivery':
      if (facts.confirmedDeliveries?.has(task.subject) === true) return 'delivery_confirmed';
      if (documentsDealtWith(task, facts) === 'paid') return 'paid';
      // Past the window: no longer a task (the buyer page and the case file still show it unconfirmed).
      return facts.deliveriesDue !== undefined && !facts.deliveriesDue.has(task.subject)
        ? 'delivery_window_passed'
        : undefined;
    case 'renew_security':
      // Renewed or ended: no longer to chase. Lapsed without a renewal: still an action, until marked done.
      return facts.settledSecurities?.get(task.subject);
    case 'fix_delivery':
      if (!facts.failedOutbox.has(task.subject)) return 'delivered';
      break;
    case 'insurance_deadline':
      // A promise or plan does not move an insurer's deadline: only payment (or a person marking it done) ends it.
      return documentsDealtWith(task, facts) === 'paid' ? 'paid' : undefined;
    default:
      break;
  }
  return documentsDealtWith(task, facts);
}

export interface TaskUpdate {
  /** Tasks new today or whose state or figures changed: to be saved. */
  readonly changed: readonly StoredTask[];
  /** The tasks open on the day (carried over and new), with today's figures. */
  readonly open: readonly StoredTask[];
  /** Tasks closed by this reconciliation because something recorded dealt with them. */
  readonly closed: readonly StoredTask[];
  /** Tasks still snoozed to a later date. */
  readonly snoozed: readonly StoredTask[];
}

const sameFigures = (a: StoredTask, b: TaskCandidate): boolean =>
  a.amount === b.amount &&
  a.currency === b.currency &&
  a.daysOverdue === b.daysOverdue &&
  a.noFxRate === b.noFxRate &&
  JSON.stringify(a.reason) === JSON.stringify(b.reason) &&
  a.documents.join('\u0000') === b.documents.join('\u0000');

/**
 * The day's list from the tasks kept so far and the tasks the day derives. A derived task new by its key opens;
 * one already kept is updated with the day's figures (a done task stays done: a letter's task marked done does not
 * come back on a rerun of the day). A kept task not derived today carries over, with `refigure` giving its
 * figures today (e.g. what is still open of its documents). A snoozed task wakes on its date. Every open task that
 * something recorded has dealt with (`taskDealtWith`) closes.
 */
export function reconcileTasks(
  kept: readonly StoredTask[],
  derived: readonly TaskCandidate[],
  facts: TaskFacts,
  asOf: BusinessDate,
  refigure: (t: StoredTask) => TaskCandidate = (t) => t,
): TaskUpdate {
  const byKey = new Map(kept.map((t) => [t.key, t]));
  const derivedKeys = new Set(derived.map((d) => d.key));
  const changed: StoredTask[] = [];
  const open: StoredTask[] = [];
  const closed: StoredTask[] = [];
  const snoozed: StoredTask[] = [];
  const settle = (before: StoredTask | undefined, now: StoredTask) => {
    let t = now;
    if (t.state === 'snoozed' && t.snoozedUntil !== undefined && t.snoozedUntil <= asOf) {
      const { snoozedUntil: _, ...rest } = t;
      t = { ...rest, state: 'open', stateOn: asOf };
    }
    if (t.state !== 'done') {
      const reason = taskDealtWith(t, facts);
      if (reason !== undefined) {
        const { snoozedUntil: _, ...rest } = t;
        t = { ...rest, state: 'done', stateOn: asOf, closeReason: reason, by: 'worklist' };
        closed.push(t);
      }
    }
    if (before === undefined || before.state !== t.state || !sameFigures(before, t)) changed.push(t);
    if (t.state === 'open') open.push(t);
    if (t.state === 'snoozed') snoozed.push(t);
  };
  for (const d of derived) {
    const before = byKey.get(d.key);
    settle(before, before === undefined ? { ...d, openedOn: asOf, state: 'open', stateOn: asOf } : { ...before, ...d });
  }
  for (const t of kept) if (!derivedKeys.has(t.key) && t.state !== 'done') settle(t, { ...t, ...refigure(t) });
  return { changed, open, closed, snoozed };
}
