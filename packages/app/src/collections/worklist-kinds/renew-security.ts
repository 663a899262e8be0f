import {
  type BusinessDate,
  type CurrencyCode,
  daysBetween,
  expiringUnreplaced,
  replacementOf,
  type Security,
  securitiesOf,
  type TaskCandidate,
  type TaskFacts,
} from '@credence/core';
import type { LedgerReads } from '../../ports';
import type { Converted } from '../worklist';

/** The credit policy's window (`credit.securities`): a security expiring within so many days is an action. */
export interface SecurityWindow {
  readonly expiryWarnDays: number;
}

/** The task's subject: the buyer, the security and its expiry (a security renewed under its own id is new). */
const subjectOf = (s: Security) => `${s.buyerId}/${s.securityId}/${s.expiresOn}`;

/** Every buyer's securities, from one read of the portfolio's security events. */
async function portfolioSecurities(store: Pick<LedgerReads, 'allSecurityEvents'>): Promise<Security[]> {
  return securitiesOf(await store.allSecurityEvents());
}

/**
 * The worklist's `renew_security` tasks (issue 18, item 2; docs/domain/credit-policy.md §2): one per guarantee or
 * letter of credit in force that expires within the policy's window and that no renewal replaces yet (core
 * `expiringUnreplaced`), with its guarantor or bank, amount and expiry. Every buyer's securities in one read.
 * Retention of title has no expiry; insurance cover that ends is the insurance's `limit_expiry` deadline task.
 */
export async function renewSecurityTasks(
  store: Pick<LedgerReads, 'allSecurityEvents'>,
  x: { readonly asOf: BusinessDate; readonly securities?: SecurityWindow },
  inReporting: (amount: bigint, currency: CurrencyCode) => Converted,
): Promise<TaskCandidate[]> {
  if (x.securities === undefined) return [];
  const all = await portfolioSecurities(store);
  return expiringUnreplaced(all, x.asOf, x.securities.expiryWarnDays).flatMap((s): TaskCandidate[] => {
    if (s.kind === 'retention_of_title' || s.amount === undefined || s.currency === undefined) return [];
    const expiresOn = s.expiresOn as BusinessDate;
    const c = inReporting(s.amount, s.currency);
    const subject = subjectOf(s);
    return [
      {
        key: `renew_security:${subject}`,
        subject,
        documents: [],
        buyerId: s.buyerId,
        action: 'renew_security',
        reason: {
          code: s.kind === 'guarantee' ? 'guarantee_expiring' : 'letter_of_credit_expiring',
          params: {
            security: s.securityId,
            issuer: s.issuer,
            amount: s.amount.toString(),
            currency: s.currency,
            expiresOn,
            days: daysBetween(x.asOf, expiresOn),
          },
        },
        amount: c.amount,
        currency: c.currency,
        exponent: c.exponent,
        daysOverdue: 0,
        ...(c.noFxRate ? { noFxRate: true } : {}),
      },
    ];
  });
}

/**
 * What has become of the securities of kept `renew_security` tasks (core `taskDealtWith`): replaced by a renewal,
 * or ended early. One read of the portfolio's security events, only when such a task is kept.
 */
export async function settledSecurities(
  store: Pick<LedgerReads, 'allSecurityEvents'>,
  subjects: readonly string[],
  asOf: BusinessDate,
): Promise<NonNullable<TaskFacts['settledSecurities']>> {
  const out = new Map<string, 'security_replaced' | 'security_ended'>();
  if (subjects.length === 0) return out;
  const wanted = new Set(subjects);
  const all = await portfolioSecurities(store);
  for (const s of all) {
    if (s.expiresOn === undefined || !wanted.has(subjectOf(s))) continue;
    if (s.endedOn !== undefined && s.endedOn <= asOf) out.set(subjectOf(s), 'security_ended');
    else if (replacementOf(s, all) !== undefined) out.set(subjectOf(s), 'security_replaced');
  }
  return out;
}
