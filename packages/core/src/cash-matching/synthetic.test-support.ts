import { addDays, type BusinessDate } from '../calendar/date';
import { Rng } from '../random/prng';
import { oldestFirst, spread } from './amounts';
import { formatRf } from './rf';
import { EUR, type SyntheticBuyer, SyntheticLedger, syntheticLedger } from './synthetic-ledger.test-support';
import { asBankWrites, ibanFor, strangerName } from './synthetic-names.test-support';
import type { BankLine, CandidateItem, MatchAllocation } from './types';

/** What a line really is: the answer a perfect clerk would give, and whether the line alone allows one answer. */
export type Truth =
  | {
      readonly kind: 'payment';
      readonly buyerId: string;
      readonly allocations: readonly MatchAllocation[];
      readonly onAccount: bigint;
      readonly single: boolean;
    }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'reversal'; readonly ofLine: number; readonly single: boolean }
  | { readonly kind: 'ignored' };

export interface SyntheticCase {
  readonly scenario: Scenario;
  readonly line: BankLine;
  readonly truth: Truth;
}

const SCENARIOS = [
  ['rf', 18],
  ['document', 22],
  ['combined', 8],
  ['partial', 6],
  ['over', 4],
  ['fees', 6],
  ['skonto', 5],
  ['iban_amount', 12],
  ['name_amount', 7],
  ['unknown', 5],
  ['reversal', 3],
  ['debit', 3],
] as const;
export type Scenario = (typeof SCENARIOS)[number][0];

/** How a person types a document number: as printed, spaced, without zeros, glued, lower case. */
function typed(rng: Rng, number: string): string {
  const v = rng.int(0, 4);
  if (v === 0) return number.replace(/-/g, ' ');
  if (v === 1) return number.replace(/-0+/g, '-');
  if (v === 2) return number.toLowerCase();
  if (v === 3) return number.replace(/-/g, '');
  return number;
}

const sum = (items: readonly CandidateItem[]) => items.reduce((s, i) => s + i.open, 0n);

/**
 * A seeded synthetic bank statement and the ledger it pays: structured and free-text references, typos
 * in names, partial, combined and over-payments, fees, skonto, an unknown payer, reversals and debits. Each
 * line comes with its truth; the ledger moves as the truths are applied, so later lines see earlier ones.
 */
export function syntheticStatement(seed: number, opts: { buyers?: number; lines?: number } = {}) {
  const rng = new Rng(seed);
  const { buyers, items } = syntheticLedger(rng, opts.buyers ?? 60);
  const ledger = new SyntheticLedger(items);
  const cases: SyntheticCase[] = [];
  let day = date0;
  for (let n = 0; n < (opts.lines ?? 300); n++) {
    if (rng.chance(0.1)) day = addDays(day, 1);
    const c = makeCase(
      rng,
      buyers,
      ledger,
      cases,
      day,
      `${String(seed).padStart(4, '0')}${String(n).padStart(6, '0')}`,
    );
    if (c === undefined) continue;
    cases.push(c);
    if (c.truth.kind === 'payment') ledger.apply(c.truth.allocations);
    if (c.truth.kind === 'reversal') {
      const of = cases[c.truth.ofLine]?.truth;
      if (of?.kind === 'payment') ledger.apply(of.allocations, -1n);
    }
  }
  return { buyers, items, cases };
}

const date0 = '2024-07-01' as BusinessDate;

function makeCase(
  rng: Rng,
  buyers: readonly SyntheticBuyer[],
  ledger: SyntheticLedger,
  earlier: readonly SyntheticCase[],
  day: BusinessDate,
  id: string,
): SyntheticCase | undefined {
  const scenario = rng.weighted(SCENARIOS);
  const base = {
    currency: EUR,
    bookingDate: day,
    valueDate: day,
    reversal: false,
    bankRef: `${day.replaceAll('-', '')}BR${id}`,
  } as const;
  if (scenario === 'debit')
    return {
      scenario,
      line: { ...base, amount: BigInt(rng.int(500, 5_000)), creditDebit: 'debit', remittance: 'Kontoführung' },
      truth: { kind: 'ignored' },
    };
  if (scenario === 'reversal') return reversal(rng, earlier, base, scenario);
  if (scenario === 'unknown')
    return {
      scenario,
      line: {
        ...base,
        creditDebit: 'credit',
        amount: BigInt(rng.int(1_000, 900_000)),
        payerName: strangerName(rng),
        payerIban: ibanFor(rng.int(1, 1e9)),
        remittance: 'Zahlung',
      },
      truth: { kind: 'unknown' },
    };
  const open = ledger.current();
  const buyer = rng.pick(buyers);
  const own = open.filter((i) => i.buyerId === buyer.id).sort(oldestFirst);
  if (own.length === 0) return undefined;
  const payer = {
    ...(rng.chance(0.92) ? { payerName: asBankWrites(rng, buyer.name) } : {}),
    ...(scenario === 'name_amount'
      ? { payerIban: ibanFor(rng.int(1, 1e9)) }
      : rng.chance(0.9)
        ? { payerIban: buyer.iban }
        : {}),
    ...(rng.chance(0.5) ? { endToEndId: `E2E-${id}` } : {}),
  };
  const credit = (amount: bigint, extra: Partial<BankLine>): BankLine => ({
    ...base,
    ...payer,
    creditDebit: 'credit',
    amount,
    ...extra,
  });
  const pay = (
    amount: bigint,
    alloc: readonly MatchAllocation[],
    onAccount: bigint,
    extra: Partial<BankLine>,
    single = true,
  ): SyntheticCase => ({
    scenario,
    line: credit(amount, extra),
    truth: { kind: 'payment', buyerId: buyer.id, allocations: alloc, onAccount, single },
  });
  const full = (list: readonly CandidateItem[]) => list.map((i) => ({ document: i.number, amount: i.open }));
  const one = rng.pick(own);
  const text = (list: readonly CandidateItem[]) =>
    list.map((i) => typed(rng, i.number)).join(rng.pick([', ', ' ', ' + ', '/ ']));
  switch (scenario) {
    case 'rf': {
      const ref = one.references?.[0];
      const lettered = own.filter((i) => i.references?.[0] === ref);
      if (ref === undefined) return undefined;
      const extra = rng.chance(0.7) ? { structuredRef: ref } : { remittance: `Zahlung ${formatRf(ref)}` };
      return pay(sum(lettered), full(lettered), 0n, extra);
    }
    case 'document':
      return pay(
        one.open,
        full([one]),
        0n,
        rng.chance(0.15)
          ? { endToEndId: one.number }
          : { remittance: `${rng.pick(['Rechnung ', 'Invoice ', 'RG ', '发票 ', ''])}${typed(rng, one.number)}` },
      );
    case 'combined': {
      const list = own.slice(0, rng.int(2, 4));
      if (list.length < 2) return undefined;
      return pay(sum(list), full(list), 0n, { remittance: text(list) });
    }
    case 'partial': {
      if (one.open < 20_000n) return undefined;
      const part = (one.open * BigInt(rng.int(20, 70))) / 100n;
      return pay(part, [{ document: one.number, amount: part }], 0n, { remittance: `${text([one])} Teilzahlung` });
    }
    case 'over': {
      const extra = (one.open * BigInt(rng.int(5, 40))) / 100n + 3_000n;
      return pay(one.open + extra, full([one]), extra, { remittance: text([one]) });
    }
    case 'fees': {
      const list = own.slice(0, rng.int(1, 2));
      const cap = sum(list) / 100n < 2_500n ? sum(list) / 100n : 2_500n;
      if (cap < 100n) return undefined;
      const paid = sum(list) - BigInt(rng.int(100, Number(cap)));
      return pay(paid, spread(paid, list).allocations, 0n, { remittance: text(list) });
    }
    case 'skonto': {
      const recent = own.find(
        (i) => addDays(i.issueDate, 14) >= day && i.open === ledger.items.find((x) => x.number === i.number)?.open,
      );
      if (recent === undefined) return undefined;
      const paid = recent.open - (recent.open * 200n + 5_000n) / 10_000n;
      return pay(paid, [{ document: recent.number, amount: paid }], 0n, {
        remittance: `${text([recent])} abzgl. 2% Skonto`,
      });
    }
    case 'iban_amount':
    case 'name_amount': {
      const unique = own.filter((i) => i.open === one.open).length === 1;
      return pay(one.open, full([one]), 0n, { remittance: rng.pick(['Zahlung', 'Payment', '货款', '']) }, unique);
    }
  }
}

function reversal(
  rng: Rng,
  earlier: readonly SyntheticCase[],
  base: Omit<BankLine, 'amount' | 'creditDebit'>,
  scenario: Scenario,
): SyntheticCase | undefined {
  const reversed = new Set(earlier.flatMap((c) => (c.truth.kind === 'reversal' ? [c.truth.ofLine] : [])));
  const paid = earlier
    .map((c, k) => [c, k] as const)
    .filter(([c, k]) => c.truth.kind === 'payment' && !reversed.has(k));
  if (paid.length === 0) return undefined;
  const [of, k] = rng.pick(paid);
  const quotes = rng.chance(0.85);
  const ref = quotes
    ? of.line.endToEndId !== undefined && rng.chance(0.5)
      ? { endToEndId: of.line.endToEndId }
      : { remittance: `RUECKUEBERWEISUNG ${of.line.bankRef}` }
    : { remittance: 'RETOURE' };
  return {
    scenario,
    line: {
      ...base,
      amount: of.line.amount,
      creditDebit: 'debit',
      reversal: true,
      ...(of.line.payerIban ? { payerIban: of.line.payerIban } : {}),
      ...ref,
    },
    truth: { kind: 'reversal', ofLine: k, single: quotes },
  };
}
