import {
  type BankStatement,
  type BankStatementLine,
  type BusinessDate,
  type CreditDebit,
  type CurrencyCode,
  fromParts,
  isCurrency,
  toEpochDay,
} from '@credence/core';
import { bankAmount } from './amount';
import { parse86 } from './mt940-86';
import type { BankParseError, BankParseResult } from './result';

// Tags and their layouts as WoLpH/mt940 (Python, BSD) reads them (mt940/tags.py): :20: reference, :25: account,
// :28C: statement/sequence number, :60F:/:60M: opening and :62F:/:62M: closing balance (1!a6!n3!a15d),
// :61: 6!n[4!n]2a[1!a]15d1!a3!c16x[//16x][34x] (value date, entry date, R?C|D mark, funds code, amount,
// type, customer and bank reference), :86: details (mt940-86.ts). The entry date's year is taken from the
// value date, one year off when they are more than 330 days apart (its `guessed_entry_date`).

interface Field {
  readonly tag: string;
  readonly value: string;
}

/** The fields of the text, continuation lines kept under their tag; SWIFT `{1:…}{4:` envelopes dropped. */
function fields(text: string): Field[][] {
  const messages: Field[][] = [];
  let current: Field[] = [];
  let last: { tag: string; lines: string[] } | undefined;
  const flush = () => {
    if (last !== undefined) current.push({ tag: last.tag, value: last.lines.join('\n') });
    last = undefined;
  };
  const end = () => {
    flush();
    if (current.length > 0) messages.push(current);
    current = [];
  };
  for (const raw of text.replace(/\{[1-3]:[^}]*(\{[^}]*\})*\}/g, '').split(/\r\n|\r|\n/)) {
    const line = raw
      .replace(/^\{4:/, '')
      .replace(/\{5:.*$/, '')
      .replace(/-\}$/, '-');
    const m = /^:(\d{2}[A-Z]?):(.*)$/.exec(line);
    if (m !== null) {
      if (m[1] === '20' && current.some((f) => f.tag === '20')) end();
      flush();
      last = { tag: m[1] as string, lines: [m[2] as string] };
    } else if (line.trim() === '-' || line.trim() === '') {
      if (line.trim() === '-') end();
    } else if (last !== undefined) last.lines.push(line);
  }
  end();
  return messages;
}

const yymmdd = (y: string, m: string, d: string): BusinessDate | undefined => {
  const r = fromParts(2000 + Number(y), Number(m), Number(d));
  return r.ok ? r.value : undefined;
};

function balanceOf(
  value: string,
): { amount: bigint; creditDebit: CreditDebit; date: BusinessDate; currency: CurrencyCode } | string {
  const m = /^([CD])(\d{2})(\d{2})(\d{2})([A-Z]{3})([\d,]+)$/.exec(value.trim());
  if (m === null) return `"${value}" is not a balance (C|D, YYMMDD, currency, amount)`;
  const date = yymmdd(m[2] as string, m[3] as string, m[4] as string);
  if (date === undefined) return `"${value}" has no valid date`;
  const currency = m[5] as string;
  if (!isCurrency(currency)) return `"${currency}" is not a currency Credence knows`;
  const amount = bankAmount(m[6] as string, currency, true);
  if (typeof amount === 'string') return amount;
  return { amount, creditDebit: m[1] === 'C' ? 'credit' : 'debit', date, currency };
}

const LINE_61 =
  /^(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(R?[CD])([A-Z])?\n?([\d,]{1,15})([A-Z][A-Z0-9 ]{3})?(.{0,16}?)(?:\/\/(.{0,16}))?(?:\n(.{0,34}))?$/;

interface Statement61 {
  readonly valueDate: BusinessDate;
  readonly bookingDate: BusinessDate;
  readonly mark: string;
  readonly amountText: string;
  readonly customerRef?: string;
  readonly bankRef?: string;
}

function line61(value: string): Statement61 | string {
  const m = LINE_61.exec(value);
  if (m === null) return `":61:${value.split('\n')[0]}" is not a statement line`;
  const valueDate = yymmdd(m[1] as string, m[2] as string, m[3] as string);
  if (valueDate === undefined) return `":61:${value.split('\n')[0]}" has no valid value date`;
  let bookingDate = valueDate;
  if (m[4] !== undefined && m[5] !== undefined) {
    const year = Number(valueDate.slice(0, 4));
    const guess = fromParts(year, Number(m[4]), Number(m[5]));
    if (!guess.ok) return `":61:${value.split('\n')[0]}" has no valid entry date`;
    const gap = toEpochDay(guess.value) - toEpochDay(valueDate);
    const shift = gap >= 330 ? -1 : gap <= -330 ? 1 : 0;
    const entry = fromParts(year + shift, Number(m[4]), Number(m[5]));
    bookingDate = entry.ok ? entry.value : guess.value;
  }
  const customerRef = (m[10] ?? '').trim();
  const bankRef = (m[11] ?? '').trim();
  return {
    valueDate,
    bookingDate,
    mark: m[6] as string,
    amountText: m[8] as string,
    ...(customerRef === '' || customerRef === 'NONREF' ? {} : { customerRef }),
    ...(bankRef === '' ? {} : { bankRef }),
  };
}

/** `:25:` without spaces and without a currency code some banks append (`…0532013000EUR`). */
function accountOf(field: string): string {
  const a = field.replace(/\s+/g, '').toUpperCase();
  const m = /^(.*\d)([A-Z]{3})$/.exec(a);
  return m !== null && isCurrency(m[2] as string) ? (m[1] as string) : a;
}

const RF = /^(RF\d{2}[A-Z0-9]{1,21})\b/i;

function lineOf(
  s: Statement61,
  f86: string | undefined,
  entry: number,
  amount: bigint,
  currency: CurrencyCode,
): BankStatementLine {
  // RC: reversal of a credit (takes money out); RD: reversal of a debit (brings it back).
  const creditDebit: CreditDebit = s.mark === 'C' || s.mark === 'RD' ? 'credit' : 'debit';
  const d = f86 === undefined ? undefined : parse86(f86.replace(/\n/g, ''));
  const sepa = d?.sepa ?? {};
  const remittance = (sepa.SVWZ ?? (Object.keys(sepa).length > 0 ? (sepa[''] ?? '') : (d?.purpose ?? ''))).trim();
  const eref = sepa.EREF;
  const endToEndId = eref === undefined || eref.toUpperCase() === 'NOTPROVIDED' ? undefined : eref;
  const rf = RF.exec(remittance.replace(/\s+/g, ''))?.[1];
  const iban = d?.iban !== undefined && /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(d.iban) ? d.iban : undefined;
  const bic = d?.bic !== undefined && /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(d.bic) ? d.bic : undefined;
  return {
    entry,
    amount,
    currency,
    creditDebit,
    bookingDate: s.bookingDate,
    valueDate: s.valueDate,
    ...(d?.name === undefined ? {} : { payerName: d.name }),
    ...(iban === undefined ? {} : { payerIban: iban }),
    ...(bic === undefined ? {} : { payerBic: bic }),
    remittance,
    ...(rf === undefined ? {} : { structuredRef: rf.toUpperCase() }),
    ...(endToEndId === undefined ? {} : { endToEndId }),
    ...(s.bankRef === undefined ? {} : { bankRef: s.bankRef }),
    reversal: s.mark.startsWith('R'),
  };
}

function statementOf(msg: Field[], index: number, errors: BankParseError[]): BankStatement | undefined {
  const get = (...tags: string[]) => msg.find((f) => tags.includes(f.tag))?.value.trim();
  const number = /^(\d{1,5})(?:\/(\d{1,5}))?/.exec(get('28C', '28') ?? '');
  const ref = get('20') ?? `#${index + 1}`;
  const openingText = get('60F', '60M');
  const closingText = get('62F', '62M');
  const label = number === null ? ref : `${ref} ${number[0]}`;
  const err = (reason: string, extra: { entry?: number; field?: string } = {}) => {
    errors.push({ statement: label, ...extra, reason });
    return undefined;
  };
  const account = get('25');
  if (account === undefined) return err('no :25: account', { field: ':25:' });
  if (openingText === undefined || closingText === undefined)
    return err('a statement needs an opening (:60F:) and a closing (:62F:) balance');
  const opening = balanceOf(openingText);
  if (typeof opening === 'string') return err(opening, { field: ':60F:' });
  const closing = balanceOf(closingText);
  if (typeof closing === 'string') return err(closing, { field: ':62F:' });
  const lines: BankStatementLine[] = [];
  let entry = 0;
  for (const [i, f] of msg.entries()) {
    if (f.tag !== '61') continue;
    entry += 1;
    const s = line61(f.value);
    const amount = typeof s === 'string' ? s : bankAmount(s.amountText, opening.currency, true);
    if (typeof s === 'string' || typeof amount === 'string') {
      err(typeof s === 'string' ? s : String(amount), { entry, field: ':61:' });
      continue;
    }
    const next = msg[i + 1];
    lines.push(lineOf(s, next?.tag === '86' ? next.value : undefined, entry, amount, opening.currency));
  }
  // The year of the closing balance keeps statement numbers, which restart each January, apart.
  const statementId = number === null ? ref : `${closing.date.slice(0, 4)}/${number[1]}`;
  return {
    format: 'mt940',
    account: accountOf(account),
    currency: opening.currency,
    statementId,
    ...(number?.[2] === undefined ? {} : { sequence: number[2] }),
    opening: { amount: opening.amount, creditDebit: opening.creditDebit, date: opening.date },
    closing: { amount: closing.amount, creditDebit: closing.creditDebit, date: closing.date },
    lines,
  };
}

/** True for text that looks like MT940 (a `:20:` and a `:25:` or `:60F:` field). */
export const looksLikeMt940 = (text: string): boolean =>
  /(^|\n|\{4:\s*\n?):20:/.test(text.slice(0, 4000)) && /\n:(25|60F|60M):/.test(text.slice(0, 8000));

/** Parses an MT940 file: one statement per message (`:20:` … `-`). */
export function parseMt940(text: string): BankParseResult {
  const errors: BankParseError[] = [];
  const messages = fields(text);
  if (messages.length === 0) return { ok: false, errors: [{ reason: 'no MT940 message (:20: … :62F:)' }] };
  const value = messages.map((m, i) => statementOf(m, i, errors));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: value.filter((s): s is BankStatement => s !== undefined) };
}
