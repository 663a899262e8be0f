import type { BusinessDate } from '../calendar';
import type { CurrencyCode } from '../money/currency';

/** A credit of the buyer in one currency: an open credit note, or cash received and not applied. */
export interface OpenCredit {
  readonly kind: 'credit_note' | 'unapplied_cash';
  readonly reference?: string;
  readonly date?: BusinessDate;
  readonly currency: CurrencyCode;
  /** Positive, minor units. */
  readonly amount: bigint;
}

/**
 * Sets a buyer's credits off against its letters of one run: per currency, credit notes oldest first then
 * unapplied cash, against the letters from the highest level down (the oldest debts first), each letter taking
 * at most its own amount due. Returns, per letter (by index), the credits (or parts of them) it sets off.
 */
export function allocateCredits(
  letters: readonly { readonly rank: number; readonly due: ReadonlyMap<CurrencyCode, bigint> }[],
  credits: readonly OpenCredit[],
): OpenCredit[][] {
  const out: OpenCredit[][] = letters.map(() => []);
  const order = letters.map((_, i) => i).sort((a, b) => (letters[b]?.rank ?? 0) - (letters[a]?.rank ?? 0));
  const queue = [...credits].sort((a, b) =>
    a.currency !== b.currency
      ? a.currency < b.currency
        ? -1
        : 1
      : a.kind !== b.kind
        ? a.kind === 'credit_note'
          ? -1
          : 1
        : (a.date ?? '') < (b.date ?? '')
          ? -1
          : (a.date ?? '') > (b.date ?? '')
            ? 1
            : 0,
  );
  for (const credit of queue) {
    let left = credit.amount;
    for (const i of order) {
      if (left <= 0n) break;
      const room = letters[i]?.due.get(credit.currency) ?? 0n;
      const taken = out[i]?.filter((c) => c.currency === credit.currency).reduce((s, c) => s + c.amount, 0n) ?? 0n;
      const take = room - taken < left ? room - taken : left;
      if (take <= 0n) continue;
      out[i]?.push({ ...credit, amount: take });
      left -= take;
    }
  }
  return out;
}
