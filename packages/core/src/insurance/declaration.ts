import { type BusinessDate, daysBetween } from '../calendar/date';
import type { InsuranceInvoice, InsuredBuyer } from './insured';
import type { InsurancePolicy } from './policy';

/** A buyer's deliveries (invoices) in the declared month. */
export interface TurnoverLine {
  readonly buyerId: string;
  readonly country: string;
  readonly invoices: number;
  /** Gross, minor units of the policy's currency. */
  readonly amount: bigint;
}

export interface OverdueInvoice {
  readonly invoiceId: string;
  readonly invoiceDate: BusinessDate;
  /** The original due date: extensions, promises and plans never move it. */
  readonly originalDueDate: BusinessDate;
  readonly daysOverdue: number;
  readonly open: bigint;
}

export interface OverdueLine {
  readonly buyerId: string;
  readonly country: string;
  readonly open: bigint;
  readonly invoices: readonly OverdueInvoice[];
}

/** The monthly declaration an insurer asks for (`insurance report --as-of D`). */
export interface MonthlyDeclaration {
  readonly policyNumber: string;
  readonly currency: string;
  /** The month declared: its first day through `asOf`. */
  readonly month: string;
  readonly from: BusinessDate;
  readonly asOf: BusinessDate;
  /** Per buyer, by country then buyer; buyers without deliveries in the month are left out. */
  readonly turnover: readonly TurnoverLine[];
  readonly byCountry: readonly { readonly country: string; readonly invoices: number; readonly amount: bigint }[];
  readonly totalTurnover: bigint;
  /** Per buyer with an invoice past its original due date and open at the end of `asOf`, most overdue first. */
  readonly overdue: readonly OverdueLine[];
}

/** A buyer the declaration covers: in a country of the policy, not an excluded affiliate or public buyer. */
export function declaredBuyer(b: InsuredBuyer, policy: InsurancePolicy): boolean {
  if (!policy.countries.includes(b.country)) return false;
  if (b.affiliate === true && policy.exclusions.affiliates) return false;
  return !(b.publicBuyer === true && policy.exclusions.publicBuyers);
}

const openAt = (inv: InsuranceInvoice, asOf: BusinessDate): bigint =>
  inv.settlements.reduce((s, x) => (x.date <= asOf ? s - x.amount : s), inv.gross);

/**
 * The monthly declaration as of `asOf`: the turnover of the month of `asOf` (its first day through `asOf`) — the
 * gross amount of the invoices delivered (invoice date) in it, per buyer and per country — and the overdue: every
 * invoice open at the end of `asOf` and past its original due date, per buyer with its original due date. Only
 * buyers the policy covers (country, exclusions) and invoices in the policy's currency; amounts are gross (VAT
 * included) as the ledger has them, credit notes reduce the invoice they apply to, not the month's turnover.
 */
export function monthlyDeclaration(
  policy: InsurancePolicy,
  buyers: readonly { readonly buyer: InsuredBuyer; readonly invoices: readonly InsuranceInvoice[] }[],
  asOf: BusinessDate,
): MonthlyDeclaration {
  const from = `${asOf.slice(0, 8)}01` as BusinessDate;
  const turnover: TurnoverLine[] = [];
  const overdue: OverdueLine[] = [];
  for (const { buyer, invoices } of buyers) {
    if (!declaredBuyer(buyer, policy)) continue;
    const mine = invoices.filter((i) => i.currency === policy.currency);
    const month = mine.filter((i) => i.invoiceDate >= from && i.invoiceDate <= asOf);
    if (month.length > 0)
      turnover.push({
        buyerId: buyer.buyerId,
        country: buyer.country,
        invoices: month.length,
        amount: month.reduce((s, i) => s + i.gross, 0n),
      });
    const late = mine
      .filter((i) => i.invoiceDate <= asOf && i.dueDate < asOf && openAt(i, asOf) > 0n)
      .map((i) => ({
        invoiceId: i.id,
        invoiceDate: i.invoiceDate,
        originalDueDate: i.dueDate,
        daysOverdue: daysBetween(i.dueDate, asOf),
        open: openAt(i, asOf),
      }))
      .sort((a, b) => b.daysOverdue - a.daysOverdue || (a.invoiceId < b.invoiceId ? -1 : 1));
    if (late.length > 0)
      overdue.push({
        buyerId: buyer.buyerId,
        country: buyer.country,
        open: late.reduce((s, i) => s + i.open, 0n),
        invoices: late,
      });
  }
  turnover.sort((a, b) => (a.country < b.country ? -1 : a.country > b.country ? 1 : a.buyerId < b.buyerId ? -1 : 1));
  const countries = new Map<string, { invoices: number; amount: bigint }>();
  for (const t of turnover) {
    const c = countries.get(t.country) ?? { invoices: 0, amount: 0n };
    countries.set(t.country, { invoices: c.invoices + t.invoices, amount: c.amount + t.amount });
  }
  overdue.sort(
    (a, b) => (b.invoices[0]?.daysOverdue ?? 0) - (a.invoices[0]?.daysOverdue ?? 0) || (a.buyerId < b.buyerId ? -1 : 1),
  );
  return {
    policyNumber: policy.policyNumber,
    currency: policy.currency,
    month: asOf.slice(0, 7),
    from,
    asOf,
    turnover,
    byCountry: [...countries].map(([country, c]) => ({ country, ...c })),
    totalTurnover: turnover.reduce((s, t) => s + t.amount, 0n),
    overdue,
  };
}
