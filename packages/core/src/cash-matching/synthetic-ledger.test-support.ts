import { addDays, type BusinessDate } from '../calendar/date';
import type { CurrencyCode } from '../money/currency';
import type { Rng } from '../random/prng';
import { letterReference } from './rf';
import { companyNames, ibanFor } from './synthetic-names.test-support';
import type { CandidateBuyer, CandidateItem, MatchAllocation } from './types';

export const EUR = 'EUR' as CurrencyCode;

/** A synthetic buyer: its master data, its own IBAN, and whether Credence knows that IBAN yet. */
export interface SyntheticBuyer {
  readonly id: string;
  readonly name: string;
  readonly iban: string;
  readonly ibanKnown: boolean;
}

/** The open items as they stand, changed as payments are applied and reversed. */
export class SyntheticLedger {
  private readonly open = new Map<string, bigint>();
  constructor(readonly items: readonly CandidateItem[]) {
    for (const i of items) this.open.set(i.number, i.open);
  }
  openOf(number: string): bigint {
    return this.open.get(number) ?? 0n;
  }
  /** Applies allocations (sign +1) or takes them back (sign −1, a reversal). */
  apply(allocations: readonly MatchAllocation[], sign: 1n | -1n = 1n): void {
    for (const a of allocations) this.open.set(a.document, this.openOf(a.document) - sign * a.amount);
  }
  /** The items with something open, with what is open now. */
  current(): CandidateItem[] {
    return this.items.filter((i) => this.openOf(i.number) > 0n).map((i) => ({ ...i, open: this.openOf(i.number) }));
  }
}

const date = (s: string) => s as BusinessDate;

function numberStyle(rng: Rng, seq: number): string {
  const style = rng.weighted([
    ['inv', 7],
    ['re', 2],
    ['num', 1],
  ] as const);
  if (style === 'inv') return `INV-2024-${String(seq).padStart(5, '0')}`;
  if (style === 're') return `RE-${String(100_000 + seq)}`;
  return String(450_000_000 + seq * 7);
}

/** Buyers, their open invoices (a tenth paying a recurring amount), and reminder letters with their RF references. */
export function syntheticLedger(rng: Rng, buyerCount: number) {
  const names = companyNames(rng, buyerCount);
  const buyers: SyntheticBuyer[] = names.map((name, k) => ({
    id: `B${String(k + 1).padStart(3, '0')}`,
    name,
    iban: ibanFor(rng.int(1, 2_000_000_000)),
    ibanKnown: rng.chance(0.65),
  }));
  const items: CandidateItem[] = [];
  let seq = 1;
  for (const b of buyers) {
    const recurring = rng.chance(0.1) ? BigInt(rng.int(10_000, 500_000)) : undefined;
    const count = rng.int(2, 9);
    const own: CandidateItem[] = [];
    for (let k = 0; k < count; k++) {
      const issueDate = addDays(date('2024-03-01'), rng.int(0, 119));
      own.push({
        buyerId: b.id,
        number: numberStyle(rng, seq++),
        currency: EUR,
        open: recurring ?? BigInt(rng.int(5_000, 2_500_000)),
        issueDate,
        dueDate: addDays(issueDate, 30),
      });
    }
    // A reminder on 2024-06-15 for the items overdue by then, for about half the buyers.
    const overdue = own.filter((i) => i.dueDate < '2024-06-15');
    const letterId = `L-20240615-${b.id}-reminder`;
    const lettered = overdue.length > 0 && rng.chance(0.5);
    for (const i of own)
      items.push(lettered && overdue.includes(i) ? { ...i, references: [letterReference(letterId), letterId] } : i);
  }
  return { buyers, items };
}

/** The buyers as the matcher sees them: the IBANs known so far. */
export const candidateBuyers = (buyers: readonly SyntheticBuyer[], learned: ReadonlySet<string>): CandidateBuyer[] =>
  buyers.map((b) => ({ id: b.id, name: b.name, ibans: b.ibanKnown || learned.has(b.id) ? [b.iban] : [] }));
