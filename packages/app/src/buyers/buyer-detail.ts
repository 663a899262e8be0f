import {
  type BusinessDate,
  type Buyer,
  type CurrencyCode,
  type DeliveryConfirmationPolicy,
  daysOverdue,
  fail,
  type Grade,
  type GradeOverride,
  type OpenItem,
  ok,
  overrideInForce,
  type PayerPattern,
  type Result,
  type UnconfirmedDelivery,
} from '@credence/core';
import { listUnconfirmedDeliveries } from '../delivery/unconfirmed-deliveries';
import { buyerNetPosition } from '../entries/buyer-net-position';
import { type BehaviourWindow, buyerBehaviour } from '../grading/buyer-behaviour';
import { type GradeContext, gradeBuyerAsOf } from '../grading/grade-buyer-as-of';
import type { LedgerReads } from '../ports';
import type { BuyerPd } from '../scoring/score-buyer';
import { type BuyerFinancials, buyerFinancials } from './buyer-financials';
import { payerPattern } from './payer-pattern';

export interface BuyerDetailQuery {
  readonly buyerId: string;
  readonly asOf: BusinessDate;
  /** The model, policy and country table: with them the detail carries the grade and the financial PD. */
  readonly grading?: GradeContext;
  /** Model reasons given with the financial PD (default 3). */
  readonly reasons?: number;
  /** The credit policy's delivery confirmation rule: with it the detail lists the unconfirmed deliveries. */
  readonly delivery?: DeliveryConfirmationPolicy;
}

/** One open item (gross, credit notes included) and what is still owed of it once credits are set off. */
export interface BuyerOpenItem {
  readonly number: string;
  readonly type: OpenItem['type'];
  readonly issueDate: BusinessDate;
  readonly dueDate: BusinessDate;
  readonly currency: CurrencyCode;
  /** The document's own open balance (positive for a credit note as well). */
  readonly open: bigint;
  /** What is owed of an invoice once credit notes and unapplied cash are set off (oldest first); 0 otherwise. */
  readonly owed: bigint;
  /** Days the owed part is overdue (0 when nothing is owed or it is not due). */
  readonly daysOverdue: number;
}

export interface BuyerDetail {
  readonly buyer: Buyer;
  readonly asOf: BusinessDate;
  /** The computed grade (with a grading context). */
  readonly grade?: Grade;
  /** The credit manager's override of the grade in force on the date: decisions use it. */
  readonly override?: GradeOverride;
  readonly pd?: BuyerPd;
  /** Payment behaviour over 3, 6 and 12 months. */
  readonly behaviour: readonly BehaviourWindow[];
  readonly financials?: BuyerFinancials;
  /** By due date. */
  readonly openItems: readonly BuyerOpenItem[];
  /** Σ open of the open items per currency (in the order the currencies first appear in `openItems`). */
  readonly openTotals: readonly { readonly currency: CurrencyCode; readonly amount: bigint }[];
  /** Σ owed per currency, after set-off. */
  readonly owedTotals: readonly { readonly currency: CurrencyCode; readonly amount: bigint }[];
  /** Payments with cash not applied, set off against the oldest invoices. */
  readonly unappliedCash: readonly {
    readonly id: string;
    readonly date: BusinessDate;
    readonly currency: CurrencyCode;
    readonly amount: bigint;
    readonly unapplied: bigint;
  }[];
  /** Credits left after every invoice of a currency. */
  readonly creditBalance: readonly { readonly currency: CurrencyCode; readonly amount: bigint }[];
  /** Open invoices whose proof of delivery is due and not confirmed (with the policy's rule; else empty). */
  readonly unconfirmedDeliveries: readonly UnconfirmedDelivery[];
  /** Cannot pay or will not pay, with why, and the next step (docs/domain/credit-policy.md §6). */
  readonly payerPattern: PayerPattern;
}

const byCurrency = (xs: readonly { currency: CurrencyCode; amount: bigint }[]) => {
  const m = new Map<CurrencyCode, bigint>();
  for (const x of xs) m.set(x.currency, (m.get(x.currency) ?? 0n) + x.amount);
  return [...m].map(([currency, amount]) => ({ currency, amount }));
};

/**
 * A buyer's file as of a date (`buyer show`): master data, grade and financial PD (with a grading context),
 * payment behaviour, the ratios of its latest statement, its open items with what is owed of each after
 * set-off (its net position, docs/domain/net-position.md), unapplied cash and credit balance.
 */
export async function buyerDetail(store: LedgerReads, q: BuyerDetailQuery): Promise<Result<BuyerDetail>> {
  const { buyerId, asOf } = q;
  const buyer = await store.getBuyer(buyerId);
  if (!buyer) return fail('not_found', { what: 'buyer', id: buyerId });
  const net = await buyerNetPosition(store, buyerId, asOf);
  const gross = [...net.gross].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const owedOf = new Map(net.items.map((i) => [i.number, i.open]));
  const openItems = gross.map((i): BuyerOpenItem => {
    const owed = i.type === 'invoice' && i.open > 0n ? (owedOf.get(i.number) ?? 0n) : 0n;
    return {
      number: i.number,
      type: i.type,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      currency: i.currency,
      open: i.open,
      owed,
      daysOverdue: owed > 0n ? Math.max(0, daysOverdue(i.dueDate, asOf)) : 0,
    };
  });
  const financials = await buyerFinancials(store, buyerId, asOf);
  const graded =
    q.grading === undefined ? undefined : await gradeBuyerAsOf(store, q.grading, buyerId, asOf, q.reasons ?? 3);
  const behaviour = await buyerBehaviour(store, buyerId, buyer.currency, asOf);
  const override = overrideInForce(await store.gradeOverridesOf(buyerId), asOf);
  const daysOverdueMost = Math.max(0, ...openItems.map((i) => i.daysOverdue));
  const pattern = await payerPattern(store, { buyerId, asOf, daysOverdue: daysOverdueMost, behaviour });
  const unconfirmed = await listUnconfirmedDeliveries(store, {
    asOf,
    buyerId,
    ...(q.delivery !== undefined ? { policy: q.delivery } : {}),
  });
  return ok({
    buyer,
    asOf,
    ...(graded ? { grade: graded.grade } : {}),
    ...(override ? { override } : {}),
    ...(graded?.financial ? { pd: graded.financial } : {}),
    behaviour,
    ...(financials ? { financials } : {}),
    openItems,
    openTotals: byCurrency(gross.map((i) => ({ currency: i.currency, amount: i.open }))),
    owedTotals: byCurrency(net.items.map((i) => ({ currency: i.currency, amount: i.open }))),
    unappliedCash: net.payments.map((p) => ({
      id: p.id,
      date: p.date,
      currency: p.currency,
      amount: p.amount,
      unapplied: p.unapplied,
    })),
    creditBalance: net.creditBalance.map((c) => ({ currency: c.currency, amount: c.amount })),
    unconfirmedDeliveries: unconfirmed,
    payerPattern: pattern,
  });
}
