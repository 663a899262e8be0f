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
  const period = addDays(monthStart(x.asOf), -1);
  const run = { period, sent: [], alreadySent: [], noEmail: [], failed: [] };
  if (!x.force && x.asOf !== firstBusinessDay(x.asOf)) return ok({ ...run, due: false });
  const key = await keyAccounts(store, x.policy, { asOf: period });
  if (!key.ok) return key;
  const sent: { buyerId: string; detail: string }[] = [];
  const failed: { buyerId: string; detail: string }[] = [];
  const alreadySent: string[] = [];
  const noEmail: string[] = [];
  const from = monthStart(period);
  for (const a of key.value.accounts.filter((k) => k.accountClass === 'key')) {
    const records = await store.statementRecords(a.buyerId, period, period);
    if (records.some((r) => r.kind === 'sent')) {
      alreadySent.push(a.buyerId);
      continue;
    }
    const st = await accountStatement(store, { buyerId: a.buyerId, asOf: period, from });
    if (!st.ok) return st;
    if (st.value.buyer.email === undefined || st.value.buyer.email === '') {
      noEmail.push(a.buyerId);
      continue;
    }
    const outcome = await x.send(st.value);
    if (outcome.status === 'failed') {
      failed.push({ buyerId: a.buyerId, detail: outcome.detail });
      continue;
    }
    await store.transact((tx) =>
      tx.insertStatementRecord({
        buyerId: a.buyerId,
        asOf: period,
        kind: 'sent',
        detail: outcome.detail,
        by: x.by,
        recordedOn: x.today ?? x.asOf,
      }),
    );
    sent.push({ buyerId: a.buyerId, detail: outcome.detail });
  }
  return ok({ period, due: true, sent, alreadySent, noEmail, failed });
}
