import { createHash } from 'node:crypto';
import { type BankStatement, type BankStatementLine, isCurrency, parseDate } from '@credence/core';
import { CsvRecords, CsvSyntaxError } from '../csv-records';
import { bankAmount } from './amount';
import type { BankParseError, BankParseResult } from './result';

// A bank export as a CSV file (one line per booked transaction), for banks that offer neither camt nor MT940.
// Columns by name, as the other imports (docs/domain/cash-application.md): booking_date, amount (signed: a
// negative amount is a debit, unless credit_debit says which), currency; optional value_date, credit_debit,
// payer_name, payer_iban, payer_bic, remittance, structured_ref, end_to_end_id, bank_ref, reversal, account,
// statement_id. No balances: nothing to check them against.

const REQUIRED = ['booking_date', 'amount', 'currency'] as const;

/** True for text whose header names the required columns. */
export function looksLikeBankCsv(text: string): boolean {
  const end = text.search(/\r|\n/);
  const header = (end < 0 ? text : text.slice(0, end)).toLowerCase();
  return REQUIRED.every((c) => header.includes(c));
}

const yes = (v: string) => ['true', 'yes', '1', 'y', 'x'].includes(v.trim().toLowerCase());

/** Parses a CSV bank export; the statement id is the column's, else `CSV-` and the file's hash. */
export function parseBankCsv(text: string, bytes: Uint8Array): BankParseResult {
  const records = new CsvRecords();
  let rows: string[][];
  try {
    records.push(text);
    rows = records.take(true);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    return { ok: false, errors: [{ entry: e.record - 1, reason: e.message }] };
  }
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0)
    return { ok: false, errors: [{ reason: `the header needs the columns ${missing.join(', ')}` }] };
  const col = (row: string[], name: string) => {
    const i = header.indexOf(name);
    const v = i < 0 ? undefined : row[i]?.trim();
    return v === '' ? undefined : v;
  };
  const data = rows.slice(1).filter((r) => r.some((v) => v.trim() !== ''));
  const statementId =
    (data[0] && col(data[0], 'statement_id')) ?? `CSV-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}`;
  const errors: BankParseError[] = [];
  const err = (entry: number, field: string, reason: string) =>
    void errors.push({ statement: statementId, entry, field, reason });
  const account = (data[0] && col(data[0], 'account')) ?? '';
  const currency = (data[0] && col(data[0], 'currency')) ?? '';
  if (!isCurrency(currency))
    return {
      ok: false,
      errors: [
        {
          statement: statementId,
          entry: 1,
          field: 'currency',
          reason: `"${currency}" is not a currency Credence knows`,
        },
      ],
    };
  const lines: BankStatementLine[] = [];
  for (const [i, row] of data.entries()) {
    const entry = i + 1;
    if ((col(row, 'currency') ?? '') !== currency) {
      err(entry, 'currency', `every line must be in ${currency}`);
      continue;
    }
    if ((col(row, 'account') ?? '') !== account) {
      err(entry, 'account', `every line must be of account ${account || '(none)'}`);
      continue;
    }
    const booking = parseDate(col(row, 'booking_date') ?? '');
    const value = parseDate(col(row, 'value_date') ?? col(row, 'booking_date') ?? '');
    if (!booking.ok || !value.ok) {
      err(entry, 'booking_date', 'dates are YYYY-MM-DD');
      continue;
    }
    const raw = col(row, 'amount') ?? '';
    const negative = raw.startsWith('-');
    const amount = bankAmount(raw.replace(/^[-+]/, ''), currency);
    if (typeof amount === 'string') {
      err(entry, 'amount', amount);
      continue;
    }
    const side = (col(row, 'credit_debit') ?? (negative ? 'debit' : 'credit')).toLowerCase();
    const creditDebit =
      side === 'credit' || side === 'c' || side === 'crdt'
        ? 'credit'
        : side === 'debit' || side === 'd' || side === 'dbit'
          ? 'debit'
          : undefined;
    if (creditDebit === undefined) {
      err(entry, 'credit_debit', 'credit or debit');
      continue;
    }
    const opt = (key: keyof BankStatementLine, column: string) => {
      const v = col(row, column);
      return v === undefined ? {} : { [key]: v };
    };
    lines.push({
      entry,
      amount,
      currency,
      creditDebit,
      bookingDate: booking.value,
      valueDate: value.value,
      ...opt('payerName', 'payer_name'),
      ...opt('payerIban', 'payer_iban'),
      ...opt('payerBic', 'payer_bic'),
      remittance: col(row, 'remittance') ?? '',
      ...opt('structuredRef', 'structured_ref'),
      ...opt('endToEndId', 'end_to_end_id'),
      ...opt('bankRef', 'bank_ref'),
      reversal: yes(col(row, 'reversal') ?? ''),
    } as BankStatementLine);
  }
  if (errors.length > 0) return { ok: false, errors };
  const statement: BankStatement = {
    format: 'csv',
    account: account.replace(/\s+/g, '').toUpperCase(),
    currency,
    statementId,
    lines,
  };
  return { ok: true, value: [statement] };
}
