import type { PayerPattern } from '@credence/core';
import {
  type BusinessDate,
  collectionsState,
  daysBetween,
  fail,
  money,
  type OpenCredit,
  ok,
  type RateTables,
  type Result,
  toDecimalString,
} from '@credence/core';
import { payerPattern } from '../buyers/payer-pattern';
import type { DeliveryConfirmation } from '../delivery/ports';
import { buyerBehaviour } from '../grading/buyer-behaviour';
import type { LedgerReads } from '../ports';
import { basisOf } from './basis';
import { addressLines } from './build-letter';
import { buyerTimeline, type TimelineEntry } from './buyer-timeline';
import type { Company } from './company';
import { itemInterest } from './item-interest';
import type { Creditor, Debtor, InterestBasis, LetterCredit } from './letter';
import { creditsOf } from './run-credits';

/** One open invoice in a case file; amounts are decimal strings, interest null when it cannot be computed. */
export interface CaseDocument {
  readonly number: string;
  readonly issueDate: BusinessDate;
  readonly dueDate: BusinessDate;
  readonly currency: string;
  readonly amount: string;
  readonly outstanding: string;
  readonly daysOverdue: number;
  readonly interest: string | null;
  readonly compensation: string | null;
  readonly disputed: boolean;
  /** The proof of delivery on file (`credence delivery confirm`), or null: its delivery is unconfirmed. */
  readonly proofOfDelivery?: { readonly deliveredOn: BusinessDate; readonly ref?: string } | null;
}

/** What a collection agency or a lawyer needs to take a buyer over (hand-off at the agency or legal level). */
export interface CaseFile {
  readonly asOf: BusinessDate;
  readonly level: string;
  readonly creditor: Creditor;
  readonly debtor: Debtor & { readonly country: string; readonly phone?: string };
  readonly interestBasis: InterestBasis;
  readonly documents: readonly CaseDocument[];
  /** The buyer's credits (open credit notes, cash not yet applied), set off against the claim. */
  readonly credits: readonly LetterCredit[];
  /** Per currency: total = outstanding + interest + compensation − credits. */
  readonly totals: readonly {
    currency: string;
    outstanding: string;
    interest: string;
    compensation: string;
    credits: string;
    total: string;
  }[];
  readonly letters: readonly {
    id: string;
    date: BusinessDate;
    level: string;
    channel: string;
    deadline: BusinessDate;
    deliveries: string[];
  }[];
  /** Disputes, promises, plans, notes, calls and payments, in date order. */
  readonly history: readonly TimelineEntry[];
  /** Cannot pay or will not pay, with the signals and the next step (docs/domain/credit-policy.md §6). */
  readonly payerPattern?: PayerPattern;
}

const dec = (amount: bigint, currency: string) => toDecimalString(money(amount, currency as never));

/** The case file of a buyer as of a date: parties, open invoices with interest to date, letters and their deliveries, and the history. */
export async function caseFile(
  store: LedgerReads,
  x: { buyerId: string; asOf: BusinessDate; level: string; company: Company; rates: RateTables },
): Promise<Result<CaseFile>> {
  const buyer = await store.getBuyer(x.buyerId);
  if (buyer === undefined) return fail('not_found', { what: 'buyer', id: x.buyerId });
  const open = (await store.buyerOpenItems(buyer.id, x.asOf)).filter((i) => i.type === 'invoice' && i.open > 0n);
  const facts = new Map((await store.findDocuments(open.map((i) => i.number))).map((d) => [d.number, d]));
  const reductions = await store.documentReductions(
    open.map((i) => i.number),
    x.asOf,
  );
  const state = collectionsState((await store.collectionEvents(buyer.id)).map((e) => e.event));
  const disputed = new Set(
    [...state.disputes.values()].filter((d) => d.resolution === undefined).flatMap((d) => d.documents),
  );
  const proofs = new Map((await store.deliveryConfirmations(open.map((i) => i.number))).map((c) => [c.document, c]));
  const basis = basisOf(buyer, x.company);
  const sums = new Map<string, { outstanding: bigint; interest: bigint; compensation: bigint }>();
  const documents = open.map((i): CaseDocument => {
    const r = itemInterest(
      i,
      reductions.filter((d) => d.number === i.number),
      basis,
      x.asOf,
      x.rates,
    );
    const s = sums.get(i.currency) ?? { outstanding: 0n, interest: 0n, compensation: 0n };
    // A missing reference rate leaves the interest uncomputed (null) and the fixed compensation due.
    const interest = r.ok && r.value.notComputed === undefined ? r.value.interest : undefined;
    sums.set(i.currency, {
      outstanding: s.outstanding + i.open,
      interest: s.interest + (interest ?? 0n),
      compensation: s.compensation + (r.ok ? r.value.compensation : 0n),
    });
    return {
      number: i.number,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      currency: i.currency,
      amount: dec(facts.get(i.number)?.amount ?? i.open, i.currency),
      outstanding: dec(i.open, i.currency),
      daysOverdue: daysBetween(i.dueDate, x.asOf),
      interest: interest !== undefined ? dec(interest, i.currency) : null,
      compensation: r.ok ? dec(r.value.compensation, i.currency) : null,
      disputed: disputed.has(i.number),
      proofOfDelivery: proofOf(proofs.get(i.number)),
    };
  });
  const held: OpenCredit[] = (await creditsOf(store, [buyer.id], x.asOf)).map(({ buyerId: _, ...c }) => c);
  const creditOf = (currency: string) => held.filter((c) => c.currency === currency).reduce((t, c) => t + c.amount, 0n);
  for (const c of held)
    if (!sums.has(c.currency)) sums.set(c.currency, { outstanding: 0n, interest: 0n, compensation: 0n });
  const deliveries = await store.deliveriesOf(buyer.id);
  const timeline = await buyerTimeline(store, buyer.id);
  if (!timeline.ok) return timeline;
  const pattern = await payerPattern(store, {
    buyerId: buyer.id,
    asOf: x.asOf,
    daysOverdue: Math.max(0, ...documents.map((d) => d.daysOverdue)),
    behaviour: await buyerBehaviour(store, buyer.id, buyer.currency, x.asOf),
  });
  return ok({
    asOf: x.asOf,
    level: x.level,
    creditor: {
      name: x.company.name,
      address: x.company.address,
      ...(x.company.legalId !== undefined ? { legalId: x.company.legalId } : {}),
      bankAccount: x.company.bankAccount,
      contact: x.company.contact,
    },
    debtor: {
      id: buyer.id,
      name: buyer.name,
      address: addressLines(buyer),
      country: buyer.country,
      ...(buyer.email ? { email: buyer.email } : {}),
      ...(buyer.legalId ? { legalId: buyer.legalId } : {}),
    },
    interestBasis: basis,
    documents,
    credits: held.map((c) => ({ ...c, amount: dec(c.amount, c.currency) })),
    totals: [...sums].sort().map(([currency, s]) => ({
      currency,
      outstanding: dec(s.outstanding, currency),
      interest: dec(s.interest, currency),
      compensation: dec(s.compensation, currency),
      credits: dec(creditOf(currency), currency),
      total: dec(s.outstanding + s.interest + s.compensation - creditOf(currency), currency),
    })),
    letters: (await store.lettersOf(buyer.id)).map(({ letter: l }) => ({
      id: l.id,
      date: l.date,
      level: l.levelId,
      channel: l.channel,
      deadline: l.deadline,
      deliveries: deliveries
        .filter((d) => d.letterId === l.id)
        .map((d) => `${d.date} ${d.outboxId.slice(l.id.length + 1)}: ${d.status}`),
    })),
    history: timeline.value.filter((e) => e.kind !== 'letter' && e.kind !== 'delivery'),
    payerPattern: pattern,
  });
}

const proofOf = (c: DeliveryConfirmation | undefined): { deliveredOn: BusinessDate; ref?: string } | null =>
  c === undefined ? null : { deliveredOn: c.deliveredOn, ...(c.ref !== undefined ? { ref: c.ref } : {}) };
