import { addDays, type BusinessDate, daysBetween, maxDate } from '../calendar/date';
import { mixSeed, Rng } from '../random/prng';
import type { Scenario, Segment } from './scenario';

/** One invoice of the ledger's history: paid at once on `settledOn` (the day its balance closed), if by the as-of date. */
export interface SimInvoice {
  readonly number: string;
  readonly buyerId: string;
  readonly issueDate: BusinessDate;
  readonly dueDate: BusinessDate;
  readonly amount: bigint;
  readonly settledOn?: BusinessDate;
}

/** What a segment is matched on: the buyer's country and its grade and tier as of the as-of date. */
export interface SimBuyer {
  readonly buyerId: string;
  readonly country: string;
  readonly grade?: number;
  readonly tier?: string;
}

/** An invoice as replayed: its due and paid dates under the scenario, or why it was not sold. */
export interface ReplayedInvoice extends SimInvoice {
  readonly baseDueDate: BusinessDate;
  readonly baseSettledOn?: BusinessDate;
  /** `limit`: over the scenario's limit when issued; `default`: issued after its buyer defaulted. */
  readonly refused?: 'limit' | 'default';
  /** The buyer defaulted with this invoice unpaid: it is never paid. */
  readonly defaulted?: boolean;
  /** The earlier dunning step reached it and it responded (the seeded draw). */
  readonly responded?: boolean;
}

export function inSegment(b: SimBuyer | undefined, s: Segment): boolean {
  if (s.buyers && !(b && s.buyers.includes(b.buyerId))) return false;
  if (s.countries && !(b && s.countries.includes(b.country))) return false;
  if (s.tier && b?.tier !== s.tier) return false;
  if (s.grades && !(b?.grade !== undefined && s.grades.includes(b.grade))) return false;
  return true;
}

/** FNV-1a of the invoice number: the per-invoice stream of the seeded draws. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The seeded draw of one invoice: uniform in [0, 2^32), the same for the same seed and number on every machine. */
export function invoiceDraw(seed: number, number: string): number {
  return new Rng(mixSeed(seed, hashText(number))).uint32();
}

/** Each buyer's mean days from due date to payment over its paid invoices, rounded to a whole day (halves up). */
export function buyerMeanDelays(invoices: readonly SimInvoice[]): Map<string, number> {
  const sums = new Map<string, { days: number; n: number }>();
  for (const i of invoices) {
    if (i.settledOn === undefined) continue;
    const s = sums.get(i.buyerId) ?? { days: 0, n: 0 };
    s.days += daysBetween(i.dueDate, i.settledOn);
    s.n += 1;
    sums.set(i.buyerId, s);
  }
  return new Map([...sums].map(([b, s]) => [b, Math.floor((2 * s.days + s.n) / (2 * s.n))]));
}

const byIssue = (a: SimInvoice, b: SimInvoice) =>
  a.issueDate < b.issueDate
    ? -1
    : a.issueDate > b.issueDate
      ? 1
      : a.number < b.number
        ? -1
        : a.number > b.number
          ? 1
          : 0;

/**
 * Replays the history under the scenario (docs/domain/simulator.md), invoice by invoice in issue order:
 * 1. terms: the first terms rule whose segment holds gives due = issue + days (else the recorded due date);
 * 2. the delay (paid − due) of each paid invoice is kept, so the payment moves with the due date (never before issue);
 *    an invoice unpaid as of asOf gets max(the buyer's mean delay, asOf − due + 1): unmoved, it stays unpaid;
 * 3. dunning: an invoice still unpaid `firstDay` days after due responds to the earlier step when its seeded draw
 *    falls below `response`; its delay becomes max(firstDay, delay − (baseFirstDay − firstDay));
 * 4. a buyer's default on D: its invoices issued by D and unpaid on D are never paid; those issued after are not sold;
 * 5. limits: an invoice whose amount would take the buyer's open invoices (issued by its issue date, unpaid then) over
 *    the limit is not sold.
 * A payment that falls after `asOf` leaves the invoice open as of `asOf`.
 */
export function replay(
  invoices: readonly SimInvoice[],
  buyers: ReadonlyMap<string, SimBuyer>,
  scenario: Scenario,
  limits: readonly { readonly segment: Segment; readonly amount: bigint }[],
  asOf: BusinessDate,
): ReplayedInvoice[] {
  const defaults = new Map(scenario.defaults.map((d) => [d.buyer, d.on]));
  const d = scenario.dunning;
  const threshold = d === undefined ? 0n : (BigInt(d.response.num) * 4294967296n) / BigInt(d.response.den); // draw < share × 2^32
  const accepted = new Map<string, ReplayedInvoice[]>();
  const meanDelay = buyerMeanDelays(invoices);
  const out: ReplayedInvoice[] = [];
  for (const inv of [...invoices].sort(byIssue)) {
    const buyer = buyers.get(inv.buyerId);
    const rule = scenario.terms.find((t) => inSegment(buyer, t.segment));
    const dueDate = rule ? addDays(inv.issueDate, rule.days) : inv.dueDate;
    const base = { ...inv, baseDueDate: inv.dueDate, ...(inv.settledOn ? { baseSettledOn: inv.settledOn } : {}) };
    // Paid invoices keep their delay; an invoice unpaid as of asOf is at least (asOf − due + 1) days late: it gets
    // the buyer's mean delay, or that bound when longer (so it stays unpaid when its due date does not move).
    const known = inv.settledOn !== undefined;
    let delay = known
      ? daysBetween(inv.dueDate, inv.settledOn as BusinessDate)
      : Math.max(meanDelay.get(inv.buyerId) ?? 0, daysBetween(inv.dueDate, asOf) + 1);
    let responded = false;
    if (d !== undefined && d.firstDay < d.baseFirstDay && delay > d.firstDay) {
      if (BigInt(invoiceDraw(scenario.seed, inv.number)) < threshold) {
        responded = true;
        delay = Math.max(d.firstDay, delay - (d.baseFirstDay - d.firstDay));
      }
    }
    const paid = maxDate(inv.issueDate, addDays(dueDate, delay));
    let settledOn: BusinessDate | undefined = paid <= asOf ? paid : undefined;
    const defaultOn = defaults.get(inv.buyerId);
    if (defaultOn !== undefined && inv.issueDate > defaultOn) {
      out.push({ ...base, dueDate, refused: 'default' });
      continue;
    }
    const defaulted = defaultOn !== undefined && (settledOn === undefined || settledOn > defaultOn);
    if (defaulted) settledOn = undefined;
    const limit = limits.find((l) => inSegment(buyer, l.segment));
    if (limit !== undefined) {
      const mine = accepted.get(inv.buyerId) ?? [];
      const open = mine
        .filter((x) => x.settledOn === undefined || x.settledOn > inv.issueDate)
        .reduce((s, x) => s + x.amount, 0n);
      if (open + inv.amount > limit.amount) {
        out.push({ ...base, dueDate, refused: 'limit' });
        continue;
      }
    }
    const { settledOn: _drop, ...rest } = base;
    const r: ReplayedInvoice = {
      ...rest,
      dueDate,
      ...(settledOn !== undefined ? { settledOn } : {}),
      ...(defaulted ? { defaulted: true } : {}),
      ...(responded ? { responded: true } : {}),
    };
    out.push(r);
    const list = accepted.get(inv.buyerId);
    if (list === undefined) accepted.set(inv.buyerId, [r]);
    else list.push(r);
  }
  return out;
}
