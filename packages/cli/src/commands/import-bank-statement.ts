import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  type BankImportError,
  type ImportBankSummary,
  importBankStatement,
  type MatchBankLinesSummary,
  matchBankLines,
} from '@credence/app';
import { type CurrencyCode, isCurrency, money, toDecimalString } from '@credence/core';
import { type BankFormat, bankErrorText, parseBankStatement } from '@credence/files';
import { findCompany, policyInForce } from '@credence/runtime';
import { type Io, withStore } from '../context';
import { EXIT } from '../exit-codes';
import { matchText } from './register-cash-application';

export interface BankImportOptions {
  readonly format?: BankFormat;
  readonly output: 'table' | 'json';
  readonly account?: string;
  readonly company?: string;
  readonly db?: string;
  /** False: store only, match later (`credence cash match`). */
  readonly match?: boolean;
}

const amountText = (minor: string | number | undefined, currency: string | number | undefined): string => {
  const c = String(currency ?? '');
  if (minor === undefined || !isCurrency(c)) return String(minor);
  return `${toDecimalString(money(BigInt(minor), c as CurrencyCode))} ${c}`;
};

/** A statement the file was refused for, in words. */
export function bankImportMessage(file: string, e: BankImportError): string {
  const p = e.params;
  if (p.reason === 'balance_mismatch') {
    const cur = p.currency;
    return `${file}: statement ${e.statement}: the balances do not add up: opening ${amountText(p.opening, cur)} + lines ${amountText(p.movement, cur)} ≠ closing ${amountText(p.closing, cur)} (off by ${amountText(p.difference, cur)})`;
  }
  if (e.code === 'currency_mismatch')
    return `${file}: statement ${e.statement}: a line in ${p.got}, the account is in ${p.expected}`;
  if (e.code === 'missing_field')
    return `${file}: statement ${e.statement}: the file names no account; give it with --account IBAN`;
  return `${file}: statement ${e.statement}: the file is for account ${p.got}, --account says ${p.expected}`;
}

export function bankSummaryText(file: string, s: ImportBankSummary, m?: MatchBankLinesSummary): string {
  const lines = s.statements.map((st) => {
    const name = `${st.account} / ${st.statementId}${st.sequence === undefined ? '' : ` / ${st.sequence}`}`;
    if (st.outcome === 'skipped')
      return `Skipped statement ${name}: already imported as ${st.skipped?.of} (${st.skipped?.reason === 'same_statement' ? 'same account, id and sequence' : 'same content'}).`;
    return `Imported statement ${name} as ${st.id}: ${st.lines} lines, ${st.unmatched} credits to match, ${st.ignored} ignored.`;
  });
  if (m === undefined)
    lines.push(`${file}: no payments were created: the credits wait for matching (\`credence cash match\`).`);
  else lines.push(matchText(m));
  return lines.join('\n');
}

/** `credence import bank-statement FILE`: read, parse, check and store, all or nothing. Returns the exit code. */
export async function importBankStatementFile(file: string, o: BankImportOptions, io: Io): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    io.err(`credence: ${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    io.err(`credence: ${file}: nothing imported.`);
    return EXIT.rejected;
  }
  const parsed = parseBankStatement(bytes, o.format === undefined ? {} : { format: o.format });
  if (!parsed.ok) {
    if (o.output === 'json') io.out(JSON.stringify({ file, errors: parsed.errors }, null, 2));
    for (const e of parsed.errors) io.err(`credence: ${file}: ${bankErrorText(e)}`);
    io.err(
      `credence: ${file}: nothing imported (${parsed.errors.length} ${parsed.errors.length === 1 ? 'error' : 'errors'}).`,
    );
    return EXIT.rejected;
  }
  const company = await findCompany(o.company, io.env);
  const iban = company?.bankAccount.iban;
  let matched: MatchBankLinesSummary | undefined;
  const result = await withStore(
    { ...(o.db === undefined ? {} : { db: o.db }), source: basename(file) },
    io,
    async (store) => {
      const imported = await importBankStatement(store, parsed.value, {
        ...(o.account === undefined ? {} : { account: o.account }),
        ...(iban === undefined ? {} : { receivableAccounts: [iban] }),
      });
      // The matching step runs on what waits (this file's lines and any left before): sure lines are applied.
      if (imported.ok && o.match !== false) {
        const m = await matchBankLines(store, { by: 'credence', policy: await policyInForce(store, 'cash') });
        if (m.ok) matched = m.value;
      }
      return imported;
    },
  );
  if (!result.ok) {
    if (o.output === 'json') io.out(JSON.stringify({ file, errors: result.error }, null, 2));
    for (const e of result.error) io.err(`credence: ${bankImportMessage(file, e)}`);
    io.err(`credence: ${file}: nothing imported.`);
    return result.error.some((e) => e.code === 'invalid_argument') ? EXIT.usage : EXIT.rejected;
  }
  io.out(
    o.output === 'json'
      ? JSON.stringify(
          {
            file,
            statements: result.value.statements,
            paymentsCreated: matched?.payments.length ?? 0,
            ...(matched === undefined ? {} : { matched: { lines: matched.lines, counts: matched.counts } }),
          },
          null,
          2,
        )
      : bankSummaryText(file, result.value, matched),
  );
  return EXIT.ok;
}
