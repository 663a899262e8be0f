import {
  addDays,
  addMonths,
  type BusinessDate,
  type CreditPolicy,
  type CurrencyCode,
  convert,
  fail,
  money,
  ok,
  type RankedAccount,
  type Result,
  rankKeyAccounts,
} from '@credence/core';
import type { LedgerReads } from '../ports';

export type KeyAccountsPolicy = NonNullable<CreditPolicy['keyAccounts']>;

export interface KeyAccount extends RankedAccount {
  readonly name: string;
  /** Months between the buyer's periodic reviews (its class's, from the policy). */
  readonly reviewMonths: number;
}

export interface KeyAccounts {
  readonly asOf: BusinessDate;
  /** The turnover's window: issue dates from … to (the date). */
  readonly from: BusinessDate;
  readonly currency: CurrencyCode;
  readonly shareBp: number;
  readonly total: bigint;
  readonly accounts: readonly KeyAccount[];
}

/**
 * The portfolio ranked by trailing turnover (signed sales over the policy's months to the date, one grouped read
 * of every buyer, converted to `currency` at the rates in force on the date), the key accounts marked (core
 * `rankKeyAccounts`). Buyers with no sales in the window follow, simplified. A missing rate is an error.
 */
export async function keyAccounts(
  store: LedgerReads,
  policy: KeyAccountsPolicy | undefined,
  q: { readonly asOf: BusinessDate; readonly currency?: CurrencyCode },
): Promise<Result<KeyAccounts>> {
  if (policy === undefined)
    return fail('invalid_field', { field: 'policy', reason: 'the check policy has no credit.keyAccounts section' });
  const currency = q.currency ?? (policy.currency as CurrencyCode);
  const from = addMonths(addDays(q.asOf, 1), -policy.months);
  const [buyers, sales] = await Promise.all([store.listBuyers(), store.salesByBuyer(from, q.asOf)]);
  const rates = sales.some((s) => s.currency !== currency) ? await store.fxRates() : [];
  const turnover = new Map<string, bigint>(buyers.map((b) => [b.id, 0n]));
  for (const s of sales) {
    let amount = s.amount;
    if (s.currency !== currency) {
      const c = convert(money(s.amount, s.currency), currency, rates, q.asOf);
      if (!c.ok) return c;
      amount = c.value.amount;
    }
    turnover.set(s.buyerId, (turnover.get(s.buyerId) ?? 0n) + amount);
  }
  const names = new Map(buyers.map((b) => [b.id, b.name]));
  const ranked = rankKeyAccounts(
    [...turnover].map(([buyerId, t]) => ({ buyerId, turnover: t })),
    policy.shareBp,
    policy.basis,
  );
  return ok({
    asOf: q.asOf,
    from,
    currency: currency,
    shareBp: policy.shareBp,
    total: ranked.reduce((s, r) => s + (r.turnover > 0n ? r.turnover : 0n), 0n),
    accounts: ranked.map((r) => ({
      ...r,
      name: names.get(r.buyerId) ?? r.buyerId,
      reviewMonths: r.accountClass === 'key' ? policy.reviewMonths.key : policy.reviewMonths.simplified,
    })),
  });
}

/** Each buyer's class and review months, for `reviewsDue`; none when the policy ranks no key accounts. */
export async function accountClasses(
  store: LedgerReads,
  policy: KeyAccountsPolicy | undefined,
  asOf: BusinessDate,
): Promise<Result<Map<string, { class: 'key' | 'simplified'; reviewMonths: number }> | undefined>> {
  if (policy === undefined) return ok(undefined);
  const k = await keyAccounts(store, policy, { asOf });
  if (!k.ok) return k;
  return ok(new Map(k.value.accounts.map((a) => [a.buyerId, { class: a.accountClass, reviewMonths: a.reviewMonths }])));
}
