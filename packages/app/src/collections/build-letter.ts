import {
  type BusinessDate,
  type Buyer,
  type CurrencyCode,
  deadlineOf,
  money,
  type OpenCredit,
  type PlannedItem,
  type PlannedLetter,
  parseMoney,
  toDecimalString,
} from '@credence/core';
import type { Company } from './company';
import type { ItemInterest } from './item-interest';
import type { InterestBasis, Letter, LetterCredit, LetterLanguage, LetterLine, LetterTotal } from './letter';
import type { OutboxEntry, RecordedLetter } from './ports';

const dec = (amount: bigint, currency: CurrencyCode) => toDecimalString(money(amount, currency));

/** The letter's id: one per buyer, level and date (the run's exactly-once key), also the payment reference. */
export const letterId = (asOf: string, buyerId: string, levelId: string): string =>
  `L-${asOf.replaceAll('-', '')}-${buyerId}-${levelId}`;

/**
 * The payment deadline a letter sets: the level's days after the letter; a reminder before the due date asks
 * for payment by the due date (the earliest of its items') when that comes first.
 */
function deadlineFor(planned: PlannedLetter, asOf: Letter['date']): Letter['date'] {
  const after = deadlineOf(planned.level, asOf);
  if (planned.level.offsetDays >= 0) return after;
  const due = planned.items.map((i) => i.dueDate).sort()[0];
  return due !== undefined && due < after ? due : after;
}

/** The debtor's address lines from the buyer's `address` ("\n" or " | " between lines). */
export const addressLines = (b: Buyer): string[] =>
  (b.address ?? '')
    .split(/\n| \| /)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** What a letter's channel puts in the outbox: e-mail when there is an address, print for a postal letter, a case file for the agency or the lawyer. */
function outboxFor(letter: Letter, email: string | undefined, phone?: string): OutboxEntry[] {
  const entry = (kind: OutboxEntry['kind'], recipient?: string): OutboxEntry => ({
    id: `${letter.id}-${kind}`,
    letterId: letter.id,
    kind,
    ...(recipient !== undefined ? { recipient } : {}),
    status: 'pending',
    attempts: 0,
  });
  const out: OutboxEntry[] = [];
  // A text message goes to the buyer's phone (a missing number fails its delivery: a task to fix it).
  if (letter.channel === 'sms') return [entry('sms', phone)];
  if (letter.channel !== 'call') out.push(entry('email', email));
  // A postal letter is printed; so is any letter to a buyer without an e-mail address, so it is not lost.
  if (letter.channel === 'letter' || (email === undefined && letter.channel !== 'call')) out.push(entry('print'));
  if (letter.channel === 'agency' || letter.channel === 'legal') out.push(entry('case_file'));
  return out;
}

interface Sums {
  readonly outstanding: bigint;
  readonly interest: bigint;
  readonly compensation: bigint;
  readonly fee: bigint;
}

/** A pre-due item in a letter about overdue ones: listed as a courtesy, not demanded by the letter's deadline. */
const isCourtesy = (planned: PlannedLetter, item: PlannedItem): boolean =>
  item.level.offsetDays < 0 && planned.level.offsetDays >= 0;

/** The items the letter asks to be paid by its deadline (all but the courtesy ones). */
const demanded = (planned: PlannedLetter): PlannedItem[] => planned.items.filter((i) => !isCourtesy(planned, i));

/**
 * Why the interest of some items could not be computed (then the letter claims none; the fixed compensation
 * stays): the reference rates the tables lack ("ecb 2026-H2"), or another failure's code; undefined when all was.
 */
export function interestMissing(
  planned: PlannedLetter,
  interest: ReadonlyMap<string, ItemInterest | undefined>,
): string[] | undefined {
  const why = planned.items.flatMap((i) => {
    const x = interest.get(i.number);
    if (x === undefined) return ['not_computed'];
    if (x.notComputed === undefined) return [];
    const { id, reason } = x.notComputed.params;
    return [reason === 'no_reference_rate' && typeof id === 'string' ? id : x.notComputed.code];
  });
  return why.length > 0 ? [...new Set(why)].sort() : undefined;
}

/** Whether every item's interest could be computed (else the letter claims none). */
const allComputed = (planned: PlannedLetter, interest: ReadonlyMap<string, ItemInterest | undefined>) =>
  interestMissing(planned, interest) === undefined;

/**
 * What a letter asks for per currency before credits: outstanding, interest, compensation, the level's fee; of
 * the items it demands (courtesy lines apart).
 */
export function letterSums(
  planned: PlannedLetter,
  interest: ReadonlyMap<string, ItemInterest | undefined>,
): Map<CurrencyCode, Sums> {
  const computed = allComputed(planned, interest);
  const out = new Map<CurrencyCode, Sums>();
  const items = demanded(planned);
  for (const currency of [...new Set(items.map((i) => i.currency))].sort()) {
    const mine = items.filter((i) => i.currency === currency);
    const sum = (f: (i: (typeof mine)[number]) => bigint) => mine.reduce((s, i) => s + f(i), 0n);
    const fee = parseMoney(planned.level.fee, currency);
    out.set(currency, {
      outstanding: sum((i) => i.open),
      interest: computed ? sum((i) => interest.get(i.number)?.interest ?? 0n) : 0n,
      compensation: sum((i) => interest.get(i.number)?.compensation ?? 0n),
      fee: fee.ok ? fee.value.amount : 0n,
    });
  }
  return out;
}

/** The parts of one credit set off against several items of a letter, as one line. */
function mergeCredits(parts: readonly OpenCredit[]): OpenCredit[] {
  const out = new Map<string, OpenCredit>();
  for (const c of parts) {
    const k = `${c.kind}|${c.reference ?? ''}|${c.currency}`;
    const had = out.get(k);
    out.set(k, had ? { ...had, amount: had.amount + c.amount } : c);
  }
  return [...out.values()];
}

/**
 * A planned letter in full: each line with its interest (none when some item's could not be computed) and
 * compensation, the
 * credits set off, the totals per currency with the level's fee, the deadline, and what goes to the outbox.
 */
export function buildLetter(
  planned: PlannedLetter,
  ctx: {
    /** The letter's id (`letterId`, with a suffix for a supplementary letter the same day). */
    readonly id: string;
    readonly asOf: Letter['date'];
    readonly buyer: Buyer;
    readonly company: Company;
    readonly language: LetterLanguage;
    readonly basis: InterestBasis;
    readonly policyId: string;
    readonly interest: ReadonlyMap<string, ItemInterest | undefined>;
    /** None of its items had a letter before. */
    readonly firstLetter: boolean;
    /** The deadline of the buyer's earlier letter the same day: a supplementary letter keeps it. */
    readonly deadline?: BusinessDate | undefined;
  },
): RecordedLetter {
  const { level } = planned;
  const missing = interestMissing(planned, ctx.interest);
  const deadline = ctx.deadline ?? deadlineFor(planned, ctx.asOf);
  const lines: LetterLine[] = planned.items.map((i) => {
    const x = ctx.interest.get(i.number);
    const courtesy = isCourtesy(planned, i);
    return {
      number: i.number,
      currency: i.currency,
      outstanding: dec(i.open, i.currency),
      dueDate: i.dueDate,
      daysOverdue: i.daysOverdue,
      interest: dec(missing === undefined ? (x?.interest ?? 0n) : 0n, i.currency),
      compensation: dec(x?.compensation ?? 0n, i.currency),
      level: { id: i.level.id, tone: i.level.tone, channel: i.level.channel },
      ...(courtesy ? { courtesy } : {}),
      deadline: courtesy ? i.dueDate : deadline,
    };
  });
  const setOff = mergeCredits(demanded(planned).flatMap((i) => i.credits));
  const totals: LetterTotal[] = [...letterSums(planned, ctx.interest)].map(([currency, s]) => {
    const credits = setOff.filter((c) => c.currency === currency).reduce((t, c) => t + c.amount, 0n);
    return {
      currency,
      outstanding: dec(s.outstanding, currency),
      interest: dec(s.interest, currency),
      compensation: dec(s.compensation, currency),
      fee: dec(s.fee, currency),
      credits: dec(credits, currency),
      total: dec(s.outstanding + s.interest + s.compensation + s.fee - credits, currency),
    };
  });
  const credits: LetterCredit[] = setOff.map((c) => ({
    kind: c.kind,
    ...(c.reference !== undefined ? { reference: c.reference } : {}),
    ...(c.date !== undefined ? { date: c.date } : {}),
    currency: c.currency,
    amount: dec(c.amount, c.currency),
  }));
  const { company, buyer } = ctx;
  const letter: Letter = {
    id: ctx.id,
    date: ctx.asOf,
    language: ctx.language,
    levelId: level.id,
    tone: level.tone,
    channel: level.channel,
    ...(level.hold === true ? { hold: true } : {}),
    ...(level.call === true ? { call: true } : {}),
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
    credits,
    totals,
    interestBasis: ctx.basis,
    ...(missing !== undefined ? { interestMissing: missing } : {}),
    deadline,
    nextStep: planned.nextStep,
    firstLetter: ctx.firstLetter,
  };
  return { letter, policyId: ctx.policyId, outbox: outboxFor(letter, buyer.email, buyer.phone) };
}
