import { type BusinessDate, fail, ok, parseDate, type Result } from '@credence/core';
import { enqueueJob } from '../jobs/enqueue-job';
import type { Job } from '../jobs/ports';
import type { Store } from '../ports';
import type { AccountStatement } from './account-statement';
import type { KeyAccountsPolicy } from './key-accounts';
import {
  type MonthlyStatementsRun,
  type StatementOutcome,
  sendMonthlyStatements,
  sendStatementOnce,
  statementPeriod,
} from './send-monthly-statements';

/** The job kind that e-mails account statements (`POST /buyers/{id}/statement/send`, `POST /statements/send`). */
export const STATEMENT_SEND = 'statement.send';

/** One job per buyer (or the key accounts: `*`) and period while it is queued or running. */
export const statementSendKey = (period: BusinessDate, buyerId?: string) =>
  `${STATEMENT_SEND}:${period}:${buyerId ?? '*'}`;

/**
 * Queues the sending of the statements of the month before `asOf` (closing on its last day): one buyer's, or
 * without `buyerId` every key account's (as `credence statement send`). not_found for an unknown buyer,
 * invalid_field for a buyer without an e-mail address or a date after today.
 */
export async function enqueueStatementSend(
  store: Store,
  x: { readonly asOf: BusinessDate; readonly buyerId?: string },
  now: Date,
  today: BusinessDate,
): Promise<Result<{ job: Job; created: boolean }>> {
  if (x.asOf > today) return fail('invalid_field', { field: 'asOf', value: x.asOf, reason: 'after today' });
  if (x.buyerId !== undefined) {
    const buyer = await store.getBuyer(x.buyerId);
    if (buyer === undefined) return fail('not_found', { what: 'buyer', id: x.buyerId });
    if (buyer.email === undefined || buyer.email === '')
      return fail('invalid_field', { field: 'email', value: '', reason: `${x.buyerId} has no e-mail address` });
  }
  const period = statementPeriod(x.asOf);
  const payload = { asOf: x.asOf, period, ...(x.buyerId !== undefined ? { buyerId: x.buyerId } : {}) };
  return ok(
    await enqueueJob(store, {
      kind: STATEMENT_SEND,
      payload,
      dedupKey: statementSendKey(period, x.buyerId),
      runAt: now,
    }),
  );
}

/**
 * The job's work: the statements sent through `send`, each once per buyer and period (a `sent` record is checked
 * first, so a job run again, or a second job for the same period, sends nothing twice). Throws when a delivery
 * failed (or the one buyer has no e-mail address any more), so that the queue tries again with backoff and in
 * the end records the job failed with the reason.
 */
export async function sendStatementsJob(
  store: Store,
  x: {
    readonly payload: unknown;
    readonly send: (st: AccountStatement) => Promise<StatementOutcome>;
    readonly policy: KeyAccountsPolicy | undefined;
    readonly by: string;
    readonly today: BusinessDate;
  },
): Promise<MonthlyStatementsRun> {
  const p = (x.payload ?? {}) as { asOf?: unknown; buyerId?: unknown };
  const asOf = typeof p.asOf === 'string' ? parseDate(p.asOf) : undefined;
  if (asOf === undefined || !asOf.ok) throw new Error(`not a statement sending: ${JSON.stringify(x.payload)}`);
  const common = { asOf: asOf.value, send: x.send, by: x.by, today: x.today };
  const r =
    typeof p.buyerId === 'string'
      ? await oneBuyer(store, { ...common, buyerId: p.buyerId, period: statementPeriod(asOf.value) })
      : await sendMonthlyStatements(store, { ...common, policy: x.policy, force: true });
  if (!r.ok) throw new Error(`${r.error.code}: ${JSON.stringify(r.error.params)}`);
  const failed = r.value.failed[0];
  if (failed !== undefined) throw new Error(`${r.value.failed.length} failed; ${failed.buyerId}: ${failed.detail}`);
  return r.value;
}

async function oneBuyer(
  store: Store,
  x: Parameters<typeof sendStatementOnce>[1],
): Promise<Result<MonthlyStatementsRun>> {
  const one = await sendStatementOnce(store, x);
  if (!one.ok) return one;
  const r = one.value;
  if (r.kind === 'noEmail') throw new Error(`${x.buyerId}: no e-mail address`);
  const run = { period: x.period, due: true, sent: [], alreadySent: [], noEmail: [], failed: [] };
  if (!('detail' in r)) return ok({ ...run, alreadySent: [x.buyerId] });
  return ok({ ...run, [r.kind]: [{ buyerId: x.buyerId, detail: r.detail }] });
}
