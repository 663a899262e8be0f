import {
  type Buyer,
  type CurrencyCode,
  deadlineOf,
  money,
  type PlannedLetter,
  parseMoney,
  toDecimalString,
} from '@credence/core';
import type { Company } from './company';
import type { ItemInterest } from './item-interest';
import type { InterestBasis, Letter, LetterLanguage, LetterLine, LetterTotal } from './letter';
import type { OutboxEntry, RecordedLetter } from './ports';

const dec = (amount: bigint, currency: CurrencyCode) => toDecimalString(money(amount, currency));

/** The letter's id: one per buyer, level and date (the run's exactly-once key), also the payment reference. */
export const letterId = (asOf: string, buyerId: string, levelId: string): string =>
  `L-${asOf.replaceAll('-', '')}-${buyerId}-${levelId}`;

/** The debtor's address lines from the buyer's `address` ("\n" or " | " between lines). */
export const addressLines = (b: Buyer): string[] =>
  (b.address ?? '')
    .split(/\n| \| /)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** What a letter's channel puts in the outbox: e-mail when there is an address, print for a postal letter, a case file for the agency or the lawyer. */
function outboxFor(letter: Letter, email: string | undefined): OutboxEntry[] {
  const entry = (kind: OutboxEntry['kind'], recipient?: string): OutboxEntry => ({
    id: `${letter.id}-${kind}`,
    letterId: letter.id,
    kind,
    ...(recipient !== undefined ? { recipient } : {}),
    status: 'pending',
    attempts: 0,
  });
  const out: OutboxEntry[] = [];
  if (letter.channel !== 'call') out.push(entry('email', email));
  if (letter.channel === 'letter') out.push(entry('print'));
  if (letter.channel === 'agency' || letter.channel === 'legal') out.push(entry('case_file'));
  return out;
}

/**
 * A planned letter in full: each line with its interest and compensation (undefined = not computed), the
 * totals per currency with the level's fee, the deadline, and what goes to the outbox.
 */
export function buildLetter(
  planned: PlannedLetter,
  ctx: {
    readonly asOf: Letter['date'];
    readonly buyer: Buyer;
    readonly company: Company;
    readonly language: LetterLanguage;
    readonly basis: InterestBasis;
    readonly policyId: string;
    readonly interest: ReadonlyMap<string, ItemInterest | undefined>;
  },
): RecordedLetter {
  const { level } = planned;
  const computed = planned.items.every((i) => ctx.interest.get(i.number) !== undefined);
  const basis: InterestBasis = computed ? ctx.basis : { regime: 'none' };
  const lines: LetterLine[] = planned.items.map((i) => {
    const x = computed ? ctx.interest.get(i.number) : undefined;
    return {
      number: i.number,
      currency: i.currency,
      outstanding: dec(i.open, i.currency),
      dueDate: i.dueDate,
      daysOverdue: i.daysOverdue,
      interest: dec(x?.interest ?? 0n, i.currency),
      compensation: dec(x?.compensation ?? 0n, i.currency),
    };
  });
  const totals: LetterTotal[] = [...new Set(planned.items.map((i) => i.currency))].sort().map((currency) => {
    const mine = planned.items.filter((i) => i.currency === currency);
    const sum = (f: (i: (typeof mine)[number]) => bigint) => mine.reduce((s, i) => s + f(i), 0n);
    const outstanding = sum((i) => i.open);
    const interest = computed ? sum((i) => ctx.interest.get(i.number)?.interest ?? 0n) : 0n;
    const compensation = computed ? sum((i) => ctx.interest.get(i.number)?.compensation ?? 0n) : 0n;
    const feeParsed = parseMoney(level.fee, currency);
    const fee = feeParsed.ok ? feeParsed.value.amount : 0n;
    return {
      currency,
      outstanding: dec(outstanding, currency),
      interest: dec(interest, currency),
      compensation: dec(compensation, currency),
      fee: dec(fee, currency),
      total: dec(outstanding + interest + compensation + fee, currency),
    };
  });
  const { company, buyer } = ctx;
  const letter: Letter = {
    id: letterId(ctx.asOf, buyer.id, level.id),
    date: ctx.asOf,
    language: ctx.language,
    levelId: level.id,
    tone: level.tone,
    channel: level.channel,
    creditor: {
      name: company.name,
      address: company.address,
      ...(company.legalId !== undefined ? { legalId: company.legalId } : {}),
      bankAccount: company.bankAccount,
      contact: company.contact,
    },
    debtor: {
      id: buyer.id,
      name: buyer.name,
      address: addressLines(buyer),
      ...(buyer.email !== undefined ? { email: buyer.email } : {}),
      ...(buyer.legalId !== undefined ? { legalId: buyer.legalId } : {}),
    },
    lines,
    totals,
    interestBasis: basis,
    deadline: deadlineOf(level, ctx.asOf),
    nextStep: planned.nextStep,
  };
  return { letter, policyId: ctx.policyId, outbox: outboxFor(letter, buyer.email) };
}
