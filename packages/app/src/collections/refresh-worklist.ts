import {
  collectionsState,
  date,
  daysBetween,
  type OpenItem,
  ok,
  type RankedTask,
  type Result,
  reconcileTasks,
  type StoredTask,
  type TaskCandidate,
  type WorkNextStep,
} from '@credence/core';
import { netPositionOf } from '../entries/buyer-net-position';
import type { Store } from '../ports';
import { readingOnce } from './read-once';
import { rankTasks, reportingAmounts, type WorklistDay, worklistCandidates } from './worklist';
import { settledSecurities } from './worklist-kinds/renew-security';
import { withNextSteps } from './worklist-next-step';

/** Tasks that come from a letter of the day (the others come from deliveries, promises and disputes). */
const LETTER_ACTIONS: ReadonlySet<TaskCandidate['action']> = new Set([
  'call',
  'post_letter',
  'hand_off',
  'credit_hold',
]);

export interface KeptWorklist {
  /**
   * The open tasks of the day, ranked: those carried over from earlier days and the new ones; with the tasks of
   * letters the day's run has still to record (not kept until the run records them: `planned`).
   */
  readonly tasks: readonly (StoredTask & RankedTask & { readonly planned?: true; readonly nextStep?: WorkNextStep })[];
  /** Tasks this refresh closed because something recorded dealt with them (a payment, a dispute, a call …). */
  readonly closed: readonly StoredTask[];
  /** Tasks snoozed to a later date. */
  readonly snoozed: number;
}

/**
 * The collector's worklist as a list kept from day to day: the tasks the day derives (`worklistCandidates`) join
 * those still open from earlier days; a task stays open until it is dealt with — by something recorded (a payment
 * settles its documents, a dispute, promise or plan takes them in hand, a call is logged, a broken promise is
 * followed up, a delivery succeeds: core `taskDealtWith`) or by a person marking it done — or is snoozed to a
 * date. Carried-over tasks show today's figures: what is still open of their documents, in the reporting currency.
 * Saving is idempotent: the same day refreshed twice changes nothing.
 */
export async function refreshWorklist(store: Store, x: WorklistDay): Promise<Result<KeptWorklist>> {
  const day = await worklistOfDay(store, x);
  if (!day.ok) return day;
  if (day.value.changed.length > 0) await store.transact((tx) => tx.saveWorklistTasks(day.value.changed));
  return ok(day.value.list);
}

/**
 * What `refreshWorklist` shows and what it would keep (`changed`: the tasks to save), read only: `viewWorklist`
 * (a GET) shows the list without keeping it.
 */
export async function worklistOfDay(
  given: Store,
  x: WorklistDay,
): Promise<Result<{ readonly list: KeptWorklist; readonly changed: readonly StoredTask[] }>> {
  // Its steps read the same portfolio-wide data (letters, events, facts, buyers): once each (issue 13).
  const store = readingOnce(given);
  const found = await worklistCandidates(store, x);
  if (!found.ok) return found;
  // A letter the day's run has not recorded yet has no task to keep: it shows until the run records it.
  const recorded = new Set((await store.lettersOn(x.asOf)).map((r) => r.letter.id));
  const isPlanned = (t: TaskCandidate) => LETTER_ACTIONS.has(t.action) && !recorded.has(t.subject);
  const derived = found.value.filter((t) => !isPlanned(t));
  const planned = found.value.filter(isPlanned).map((t) => ({
    ...t,
    openedOn: x.asOf,
    state: 'open' as const,
    stateOn: x.asOf,
    planned: true as const,
  }));
  const kept = await store.worklistTasks({ states: ['open', 'snoozed'], keys: derived.map((t) => t.key) });
  const buyers = new Set([...kept, ...derived].map((t) => t.buyerId));
  const open = buyers.size === 0 ? new Map() : await owedAsOf(store, buyers, x.asOf);
  const events = (await store.collectionEvents()).map((e) => e.event);
  const failed = await store.outboxEntries(['failed']);
  const { inReporting, sum } = reportingAmounts(await store.fxRates(), x.currency, x.asOf);
  /** A carried-over task's figures today: what is still open of its documents, and their oldest due date. */
  const refigure = (t: StoredTask): TaskCandidate => {
    const items = t.documents.flatMap((n) => {
      const i = open.get(n);
      return i === undefined ? [] : [i];
    });
    if (items.length === 0) return t;
    const c = sum(items.map((i) => inReporting(i.open, i.currency)));
    const days = Math.max(...items.map((i) => daysBetween(i.dueDate, x.asOf)));
    return { ...t, amount: c.amount, currency: c.currency, exponent: c.exponent, daysOverdue: days };
  };
  const update = reconcileTasks(
    kept,
    derived,
    {
      openDocuments: new Set(open.keys()),
      state: collectionsState(events),
      events,
      failedOutbox: new Set(failed.map((f) => f.id)),
      confirmedDeliveries: new Set(
        (
          await store.deliveryConfirmations(kept.filter((t) => t.action === 'confirm_delivery').map((t) => t.subject))
        ).map((c) => c.document),
      ),
      ...(x.delivery !== undefined
        ? { deliveriesDue: new Set(derived.filter((t) => t.action === 'confirm_delivery').map((t) => t.subject)) }
        : {}),
      settledSecurities: await settledSecurities(
        store,
        kept.filter((t) => t.action === 'renew_security').map((t) => t.subject),
        x.asOf,
      ),
    },
    x.asOf,
    refigure,
  );
  const tasks = await withNextSteps(store, await rankTasks(store, [...update.open, ...planned], x), x);
  return ok({ list: { tasks, closed: update.closed, snoozed: update.snoozed.length }, changed: update.changed });
}

/**
 * What is still owed of each document of these buyers once each buyer's credits are set off
 * (docs/domain/net-position.md; `buyerNetPosition` of each), read for the whole portfolio at once: the buyers with
 * a credit come with their open items and unapplied payments (`agingPositions`), the others owe their open
 * invoices as they are (`dunnableItems` with no horizon). A bounded number of queries, whatever the buyers.
 */
async function owedAsOf(
  store: Store,
  buyers: ReadonlySet<string>,
  asOf: WorklistDay['asOf'],
): Promise<Map<string, Pick<OpenItem, 'open' | 'currency' | 'dueDate'>>> {
  const [positions, invoices] = await Promise.all([
    store.agingPositions(asOf, [], true),
    store.dunnableItems(asOf, date('9999-12-31')),
  ]);
  const open = new Map<string, Pick<OpenItem, 'open' | 'currency' | 'dueDate'>>();
  const creditors = new Set(positions.creditors.map((c) => c.buyerId));
  for (const i of invoices)
    if (buyers.has(i.buyerId) && !creditors.has(i.buyerId))
      open.set(i.number, { open: i.open, currency: i.currency, dueDate: i.dueDate });
  for (const c of positions.creditors)
    if (buyers.has(c.buyerId))
      for (const i of netPositionOf(c.items, c.payments).items)
        open.set(i.number, { open: i.open, currency: i.currency, dueDate: i.dueDate });
  return open;
}
