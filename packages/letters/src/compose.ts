import type { Letter, LetterCredit, LetterLine, LetterTotal } from '@credence/app';
import { compensationCurrency, formatRf, letterReference } from '@credence/core';
import { boundedForRendering } from './bounded';
import { message } from './fill';
import { formatAmount, formatDate, isZero } from './format';
import type { Templates } from './load-templates';

export type Pair = readonly [label: string, value: string];

/** A letter in words, in reading order; the text, HTML and PDF renderers only lay it out. */
export interface ComposedLetter {
  readonly language: Letter['language'];
  readonly subject: string;
  readonly creditor: { readonly name: string; readonly address: readonly string[] };
  readonly debtor: { readonly name: string; readonly address: readonly string[] };
  /** Date, our reference, the debtor's customer number, the letter's RF payment reference. */
  readonly meta: readonly Pair[];
  readonly greeting: string;
  readonly opening: string;
  readonly table: { readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] };
  /** The buyer's credits set off against the totals, one pair per credit; absent when there are none. */
  readonly credits?: { readonly intro: string; readonly rows: readonly Pair[] };
  /** Per currency: a heading and its sums, the last pair being the total due. */
  readonly totals: readonly { readonly heading: string; readonly rows: readonly Pair[] }[];
  readonly interest: string;
  readonly payment: string;
  readonly bank: readonly Pair[];
  readonly nextStep: string;
  readonly dispute: string;
  readonly closing: string;
  readonly signoff: string;
  readonly signature: readonly string[];
  /** The creditor's legal id line, when it has one. */
  readonly footer?: string;
}

const TABLE_KEYS = ['number', 'dueDate', 'level', 'daysOverdue', 'outstanding', 'interest', 'compensation'] as const;

/** Table columns from this index on are numbers (days, amounts), right-aligned. */
export const FIRST_NUMERIC_COLUMN = TABLE_KEYS.indexOf('daysOverdue');

export function composeLetter(data: Letter, t: Templates): ComposedLetter {
  const letter = boundedForRendering(data);
  if (letter.language !== t.language)
    throw new RangeError(`letter ${letter.id} is in ${letter.language}, the templates are ${t.language}`);
  const lang = letter.language;
  const msg = (key: string, values?: Record<string, string>) => message(t, key, values);
  const { creditor, debtor } = letter;
  const reference = letter.id;
  const deadline = formatDate(letter.deadline, lang);
  const footer = creditor.legalId && msg('footer.legalId', { creditor: creditor.name, legalId: creditor.legalId });
  return {
    language: lang,
    subject: msg(`subject.${titleOf(letter)}`, { creditor: creditor.name, reference }),
    creditor: { name: creditor.name, address: creditor.address },
    debtor: { name: debtor.name, address: debtor.address },
    meta: [
      [msg('letter.date'), formatDate(letter.date, lang)],
      [msg('letter.reference'), reference],
      [msg('letter.customer'), debtor.id],
      // The letter's ISO 11649 reference, for banks that carry a structured creditor reference (cash matching).
      [msg('payment.creditorReference'), formatRf(letterReference(reference))],
    ],
    greeting: msg('letter.greeting'),
    opening: opening(letter, msg),
    table: table(letter, msg),
    ...(letter.credits.length > 0 ? { credits: credits(letter.credits, lang, msg) } : {}),
    totals: letter.totals.map((total) => totals(total, lang, msg)),
    interest: interestClause(letter, msg),
    payment: msg('payment.deadline', { deadline, reference }),
    bank: bank(letter, msg),
    nextStep: msg(`nextStep.${letter.nextStep}`, { deadline }),
    dispute: msg('dispute', { deadline }),
    closing: msg(`closing.${letter.tone}`),
    signoff: msg('signature.signoff'),
    signature: [
      creditor.contact.name,
      msg('signature.team', { creditor: creditor.name }),
      msg('signature.email', { email: creditor.contact.email }),
      ...(creditor.contact.phone ? [msg('signature.phone', { phone: creditor.contact.phone })] : []),
    ],
    ...(footer ? { footer } : {}),
  };
}

type Msg = (key: string, values?: Record<string, string>) => string;

/** The letter's title and opening: the agency level's own (the matter goes to a collection agency), else by tone. */
const titleOf = (letter: Letter): string => (letter.channel === 'agency' ? 'agency' : letter.tone);

/** A reminder whose documents are all still before their due date says when payment falls due instead. */
function opening(letter: Letter, msg: Msg): string {
  const preDue = letter.tone === 'reminder' && letter.lines.length > 0 && letter.lines.every((l) => l.daysOverdue < 0);
  // A warning or final demand that is the first letter about its items does not speak of earlier reminders.
  const firstOf = letter.firstLetter === true && letter.tone !== 'reminder' ? 'First' : '';
  if (!preDue) {
    const text = msg(`opening.${titleOf(letter)}${firstOf}`, { date: formatDate(letter.date, letter.language) });
    // Items not yet due, listed as a courtesy in a letter about overdue ones: not demanded, say so.
    return letter.lines.some((l) => l.courtesy === true) ? `${text} ${msg('opening.courtesy')}` : text;
  }
  const first = letter.lines.map((l) => l.dueDate).reduce((a, b) => (b < a ? b : a));
  return msg('opening.reminderPreDue', { dueDate: formatDate(first, letter.language) });
}

/** One row per document; the interest column only when some document has interest, the compensation one likewise. */
function table(letter: Letter, msg: Msg): ComposedLetter['table'] {
  const shown = TABLE_KEYS.map(
    (k) => (k !== 'interest' && k !== 'compensation') || letter.lines.some((l) => !isZero(l[k])),
  );
  const keep = <T>(cells: readonly T[]) => cells.filter((_, i) => shown[i]);
  return {
    headers: keep(TABLE_KEYS.map((k) => msg(`table.${k}`))),
    rows: letter.lines.map((l) => keep(row(l, letter, msg))),
  };
}

/** The stage a line is at, in words: its own level (the letter's, for letters recorded before lines had one). */
function stage(l: LetterLine, letter: Letter): string {
  if (l.courtesy === true) return 'courtesy';
  const channel = l.level?.channel ?? letter.channel;
  if (channel === 'agency' || channel === 'legal') return channel;
  return l.level?.tone ?? letter.tone;
}

function row(l: LetterLine, letter: Letter, msg: Msg): string[] {
  const lang = letter.language;
  return [
    l.number,
    formatDate(l.dueDate, lang),
    msg(`stage.${stage(l, letter)}`),
    l.daysOverdue < 0 ? msg('table.notDue') : String(l.daysOverdue),
    formatAmount(l.outstanding, l.currency, lang),
    formatAmount(l.interest, l.currency, lang),
    formatAmount(l.compensation, l.currency, lang),
  ];
}

/** Each credit with its amount: a credit note by its number and date, unapplied payments as one line each. */
function credits(
  list: readonly LetterCredit[],
  lang: Letter['language'],
  msg: Msg,
): NonNullable<ComposedLetter['credits']> {
  const label = (c: LetterCredit) => {
    if (c.kind === 'unapplied_cash') return msg('credits.unapplied');
    if (!c.reference || !c.date)
      throw new RangeError(`a credit note needs its number and date (${c.amount} ${c.currency})`);
    return msg('credits.creditNote', { reference: c.reference, date: formatDate(c.date, lang) });
  };
  return {
    intro: msg('credits.intro'),
    rows: list.map((c): Pair => [label(c), formatAmount(c.amount, c.currency, lang)]),
  };
}

/** Outstanding and total always; interest, compensation, fee and credits (as a minus) only when there are any. */
function totals(t: LetterTotal, lang: Letter['language'], msg: Msg): { heading: string; rows: Pair[] } {
  const sums = [
    ['outstanding', t.outstanding],
    ['interest', t.interest],
    ['compensation', t.compensation],
    ['fee', t.fee],
    ['credits', isZero(t.credits) ? t.credits : `-${t.credits}`],
  ] as const;
  const rows: Pair[] = sums
    .filter(([key, amount]) => key === 'outstanding' || !isZero(amount))
    .map(([key, amount]) => [msg(`totals.${key}`), formatAmount(amount, t.currency, lang)]);
  rows.push([msg('totals.total'), formatAmount(t.total, t.currency, lang)]);
  return { heading: msg('totals.heading', { currency: t.currency }), rows };
}

/** Chinese sentences follow each other without a space. */
const joinSentences = (letter: Letter, parts: readonly string[]): string =>
  parts.join(letter.language.startsWith('zh') ? '' : ' ');

/**
 * The legal basis of what the letter charges: the regime's interest clause and what the interest covers (from
 * the day after each due date to the letter's date, on the amount open and on parts paid late) when it claims
 * interest; the reservation of interest when it claims none (no basis, or a reference rate missing); the fixed
 * compensation only when some line charges it — a regime that gives nothing in an invoice's currency is not
 * cited for it.
 */
function interestClause(letter: Letter, msg: Msg): string {
  const { regime } = letter.interestBasis;
  const claimed = letter.interestMissing === undefined && regime !== 'none';
  const charged = (pick: (l: LetterLine) => string) => letter.lines.some((l) => !isZero(pick(l)));
  return joinSentences(letter, [
    claimed ? msg(`interest.${regime}`, interestValues(letter, msg)) : msg('interest.none'),
    ...(claimed && charged((l) => l.interest)
      ? [msg('interest.covers', { date: formatDate(letter.date, letter.language) })]
      : []),
    ...(regime !== 'none' && compensationCurrency(regime) !== undefined && charged((l) => l.compensation)
      ? [msg(`compensation.${regime}`)]
      : []),
  ]);
}

/** The agreed rate in the letter's words: "12%/year" → "12% a year", "12 % par an", "年利率12%". */
function interestValues(letter: Letter, msg: Msg): Record<string, string> {
  const { regime, contractRate } = letter.interestBasis;
  if (regime !== 'contract') return {};
  const m = /^(\d+(?:\.\d+)?)%\/(day|year)$/.exec(contractRate ?? '');
  if (!m)
    throw new RangeError(`letter ${letter.id}: interest by contract needs a rate like 8%/year, not "${contractRate}"`);
  const comma = letter.language === 'de' || letter.language === 'fr';
  const percent = comma ? (m[1] ?? '').replace('.', ',') : (m[1] ?? '');
  return { rate: msg(`rate.${m[2]}`, { percent }) };
}

function bank(letter: Letter, msg: Msg): Pair[] {
  const a = letter.creditor.bankAccount;
  const optional = (key: string, value: string | undefined): Pair[] => (value ? [[msg(key), value]] : []);
  return [
    [msg('payment.bank'), a.bankName],
    [msg('payment.accountName'), a.accountName],
    ...optional('payment.iban', a.iban),
    ...optional('payment.accountNumber', a.accountNumber),
    ...optional('payment.swift', a.swift),
    [msg('payment.reference'), letter.id],
  ];
}
