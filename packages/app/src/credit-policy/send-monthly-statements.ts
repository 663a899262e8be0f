import { addDays, type BusinessDate, ok, type Result, toEpochDay } from '@credence/core';
import type { Store } from '../ports';
import { type AccountStatement, accountStatement, monthStart } from './account-statement';
import { type KeyAccountsPolicy, keyAccounts } from './key-accounts';

/** A statement's delivery as the courier reports it (`failed` is tried again by the next run). */
export interface StatementOutcome {
  readonly status: 'sent' | 'written' | 'failed';
  readonly detail: string;
}

export interface MonthlyStatementsRun {
  /** The month's closing date (its last day). */
  readonly period: BusinessDate;
  /** False when the date is not the month's first business day and the run was not forced: nothing was done. */
  readonly due: boolean;
  readonly sent: readonly { readonly buyerId: string; readonly detail: string }[];
  /** Already sent for the month (an earlier run). */
  readonly alreadySent: readonly string[];
  /** Key accounts with no e-mail address. */
  readonly noEmail: readonly string[];
  readonly failed: readonly { readonly buyerId: string; readonly detail: string }[];
}

/** What became of one buyer's statement of a period. */
export type StatementSending =
  | { readonly kind: 'sent' | 'failed'; readonly detail: string }
  | { readonly kind: 'alreadySent' | 'noEmail' };

/**
 * One buyer's statement of the month closing on `period` (from its first day), handed to `send` and recorded
 * `sent` — unless a `sent` record for the buyer and period exists (nothing is sent twice) or the buyer has no
 * e-mail address. A failed delivery is not recorded: the next attempt sends it.
 */
export async function sendStatementOnce(
  store: Store,
  x: {
    readonly buyerId: string;
    readonly period: BusinessDate;
    readonly send: (st: AccountStatement) => Promise<StatementOutcome>;
    readonly by: string;
    readonly asOf: BusinessDate;
    readonly today?: BusinessDate;
  },
): Promise<Result<StatementSending>> {
  const records = await store.statementRecords(x.buyerId, x.period, x.period);
  if (records.some((r) => r.kind === 'sent')) return ok({ kind: 'alreadySent' });
  const st = await accountStatement(store, { buyerId: x.buyerId, asOf: x.period, from: monthStart(x.period) });
  if (!st.ok) return st;
  if (st.value.buyer.email === undefined || st.value.buyer.email === '') return ok({ kind: 'noEmail' });
  const outcome = await x.send(st.value);
  if (outcome.status === 'failed') return ok({ kind: 'failed', detail: outcome.detail });
  await store.transact((tx) =>
    tx.insertStatementRecord({
      buyerId: x.buyerId,
      asOf: x.period,
      kind: 'sent',
      detail: outcome.detail,
      by: x.by,
      recordedOn: x.today ?? x.asOf,
    }),
  );
  return ok({ kind: 'sent', detail: outcome.detail });
}

/** The month a sending on `asOf` is for: the last day of the month before. */
export const statementPeriod = (asOf: BusinessDate): BusinessDate => addDays(monthStart(asOf), -1);

/** Monday to Friday (1970-01-01 was a Thursday). */
const weekday = (d: BusinessDate): boolean => {
  const dow = (((toEpochDay(d) + 4) % 7) + 7) % 7; // 0 = Sunday
  return dow !== 0 && dow !== 6;
};

/** The first Monday-to-Friday day of the date's month. */
export function firstBusinessDay(d: BusinessDate): BusinessDate {
  let day = monthStart(d);
  while (!weekday(day)) day = addDays(day, 1);
  return day;
}

/**
 * The monthly account statements to key accounts (docs/domain/credit-policy.md): on the first business day of a
 * month (or any day when `force`), each key account's statement of the month just ended, as of its last day, is
 * handed to `send` (rendered in the buyer's language and e-mailed by the caller) and recorded `sent` — once per
 * buyer and month: a rerun sends nothing twice; a failed delivery is not recorded and is tried again.
 */
export async function sendMonthlyStatements(
  store: Store,
  x: {
    readonly asOf: BusinessDate;
    readonly policy: KeyAccountsPolicy | undefined;
    readonly send: (st: AccountStatement) => Promise<StatementOutcome>;
    readonly by: string;
    readonly force?: boolean;
    readonly today?: BusinessDate;
  },
): Promise<Result<MonthlyStatementsRun>> {
  const period = statementPeriod(x.asOf);
  const run = { period, sent: [], alreadySent: [], noEmail: [], failed: [] };
  if (!x.force && x.asOf !== firstBusinessDay(x.asOf)) return ok({ ...run, due: false });
  const key = await keyAccounts(store, x.policy, { asOf: period });
  if (!key.ok) return key;
  const sent: { buyerId: string; detail: string }[] = [];
  const failed: { buyerId: string; detail: string }[] = [];
  const alreadySent: string[] = [];
  const noEmail: string[] = [];
  for (const a of key.value.accounts.filter((k) => k.accountClass === 'key')) {
    const one = await sendStatementOnce(store, { ...x, buyerId: a.buyerId, period });
    if (!one.ok) return one;
    const r = one.value;
    if (r.kind === 'sent') sent.push({ buyerId: a.buyerId, detail: r.detail });
    else if (r.kind === 'failed') failed.push({ buyerId: a.buyerId, detail: r.detail });
    else if (r.kind === 'alreadySent') alreadySent.push(a.buyerId);
    else noEmail.push(a.buyerId);
  }
  return ok({ period, due: true, sent, alreadySent, noEmail, failed });
}
