import {
  type BankStatementLine,
  type BusinessDate,
  type CreditDebit,
  type CurrencyCode,
  parseDate,
} from '@credence/core';
import { bankAmount } from './amount';
import type { BankParseError } from './result';
import { all, at, attr, text, textAt, type XmlNode } from './xml-nodes';

// Entry and transaction fields as genkgo/camt's Decoder/Entry and Decoder/EntryTransactionDetail read them:
// Ntry/Amt@Ccy, CdtDbtInd, RvslInd, Sts (text up to 001.05, Sts/Cd from 001.06), BookgDt, ValDt, AcctSvcrRef;
// NtryDtls/TxDtls: Refs/EndToEndId and AcctSvcrRef, Amt (001.04+) or AmtDtls/TxAmt/Amt, RltdPties/(Dbtr|Cdtr)
// with Nm directly (up to 001.07) or under Pty (001.08), DbtrAcct|CdtrAcct/Id/IBAN, RltdAgts/(DbtrAgt|CdtrAgt)/
// FinInstnId/(BIC|BICFI), RmtInf/Ustrd and RmtInf/Strd/CdtrRefInf/Ref, RtrInf/Rsn/Cd.

/** A date element (`Dt`, or `DtTm` whose date part is taken), as a business date or undefined. */
export function camtDate(node: XmlNode): BusinessDate | undefined {
  const t = textAt(node, 'Dt') ?? textAt(node, 'DtTm');
  if (t === undefined) return undefined;
  const d = parseDate(t.slice(0, 10));
  return d.ok ? d.value : undefined;
}

export interface CamtContext {
  readonly statement: string;
  readonly currency: CurrencyCode;
  readonly errors: BankParseError[];
}

const side = (t: string | undefined): CreditDebit | undefined =>
  t === 'CRDT' ? 'credit' : t === 'DBIT' ? 'debit' : undefined;
const signed = (a: bigint, s: CreditDebit) => (s === 'credit' ? a : -a);
const NOT_PROVIDED = (t: string | undefined) => (t === undefined || t.toUpperCase() === 'NOTPROVIDED' ? undefined : t);

/** A party's name: `Nm`, or `Pty/Nm` (001.08). */
const partyName = (party: XmlNode): string | undefined => textAt(party, 'Nm') ?? textAt(party, 'Pty', 'Nm');

/** The other party of a transaction: the debtor of a credit, the creditor of a debit (else whichever is given). */
function counterparty(tx: XmlNode, s: CreditDebit): Pick<BankStatementLine, 'payerName' | 'payerIban' | 'payerBic'> {
  const [mine, other] = s === 'credit' ? ['Dbtr', 'Cdtr'] : ['Cdtr', 'Dbtr'];
  const pties = at(tx, 'RltdPties');
  const pick = (role: string) => ({
    name: partyName(at(pties, role)),
    iban: textAt(pties, `${role}Acct`, 'Id', 'IBAN'),
    bic:
      textAt(at(tx, 'RltdAgts', `${role}Agt`, 'FinInstnId'), 'BIC') ??
      textAt(tx, 'RltdAgts', `${role}Agt`, 'FinInstnId', 'BICFI'),
  });
  const a = pick(mine as string);
  const p = a.name === undefined && a.iban === undefined ? pick(other as string) : a;
  return {
    ...(p.name === undefined ? {} : { payerName: p.name }),
    ...(p.iban === undefined ? {} : { payerIban: p.iban.replace(/\s+/g, '').toUpperCase() }),
    ...(p.bic === undefined ? {} : { payerBic: p.bic }),
  };
}

function remittance(tx: XmlNode): { remittance: string; structuredRef?: string } {
  const rmt = at(tx, 'RmtInf');
  const ustrd = all(rmt, 'Ustrd')
    .map(text)
    .filter((t) => t !== undefined);
  const strd = all(rmt, 'Strd');
  const ref = strd.map((s) => textAt(s, 'CdtrRefInf', 'Ref')).find((r) => r !== undefined);
  const extra = strd.flatMap((s) => all(s, 'AddtlRmtInf').map(text)).filter((t) => t !== undefined);
  return { remittance: [...ustrd, ...extra].join(' '), ...(ref === undefined ? {} : { structuredRef: ref }) };
}

interface EntryBase {
  readonly entry: number;
  readonly amount: bigint;
  readonly side: CreditDebit;
  readonly reversal: boolean;
  readonly bookingDate: BusinessDate;
  readonly valueDate: BusinessDate;
  readonly bankRef?: string;
}

function lineOf(
  e: EntryBase,
  tx: XmlNode,
  transaction: number | undefined,
  amount: bigint,
  s: CreditDebit,
  ctx: CamtContext,
): BankStatementLine {
  const endToEndId = NOT_PROVIDED(textAt(tx, 'Refs', 'EndToEndId'));
  const bankRef = textAt(tx, 'Refs', 'AcctSvcrRef') ?? e.bankRef;
  const returnReason = textAt(tx, 'RtrInf', 'Rsn', 'Cd') ?? textAt(tx, 'RtrInf', 'Rsn', 'Prtry');
  return {
    entry: e.entry,
    ...(transaction === undefined ? {} : { transaction }),
    amount,
    currency: ctx.currency,
    creditDebit: s,
    bookingDate: e.bookingDate,
    valueDate: e.valueDate,
    ...counterparty(tx, s),
    ...remittance(tx),
    ...(endToEndId === undefined ? {} : { endToEndId }),
    ...(bankRef === undefined ? {} : { bankRef }),
    reversal: e.reversal,
    ...(returnReason === undefined ? {} : { returnReason }),
  };
}

/**
 * The lines of one entry: the entry itself, or each transaction of a batched entry (several `TxDtls`), whose
 * signed amounts must add up to the entry's. Only booked entries count (`Sts` BOOK or none): pending and
 * information entries are not in the balance and are left out.
 */
export function camtLines(ntry: XmlNode, entry: number, ctx: CamtContext): BankStatementLine[] {
  const err = (reason: string, extra: { transaction?: number; field?: string } = {}) => {
    ctx.errors.push({ statement: ctx.statement, entry, ...extra, reason });
    return [];
  };
  const status = textAt(ntry, 'Sts', 'Cd') ?? textAt(ntry, 'Sts');
  if (status !== undefined && status !== 'BOOK') return [];
  const amt = at(ntry, 'Amt');
  const amount = bankAmount(text(amt) ?? '', attr(amt, 'Ccy') ?? ctx.currency);
  if (typeof amount === 'string') return err(amount, { field: 'Amt' });
  if ((attr(amt, 'Ccy') ?? ctx.currency) !== ctx.currency)
    return err(`amount in ${attr(amt, 'Ccy')}, the account is in ${ctx.currency}`, { field: 'Amt' });
  const s = side(textAt(ntry, 'CdtDbtInd'));
  if (s === undefined) return err('CdtDbtInd must be CRDT or DBIT', { field: 'CdtDbtInd' });
  const booking = camtDate(at(ntry, 'BookgDt'));
  const value = camtDate(at(ntry, 'ValDt')) ?? booking;
  if (booking === undefined || value === undefined) return err('no valid booking date', { field: 'BookgDt' });
  const rvsl = textAt(ntry, 'RvslInd');
  const bankRef = textAt(ntry, 'AcctSvcrRef');
  const base: EntryBase = {
    entry,
    amount,
    side: s,
    reversal: rvsl === 'true' || rvsl === '1',
    bookingDate: booking as BusinessDate,
    valueDate: value as BusinessDate,
    ...(bankRef === undefined ? {} : { bankRef }),
  };
  const txs = all(ntry, 'NtryDtls').flatMap((d) => all(d, 'TxDtls'));
  if (txs.length <= 1) return [lineOf(base, txs[0], undefined, amount, s, ctx)];
  const lines: BankStatementLine[] = [];
  let sum = 0n;
  for (const [i, tx] of txs.entries()) {
    const txAmt = at(tx, 'Amt') ?? at(tx, 'AmtDtls', 'TxAmt', 'Amt');
    const a = bankAmount(text(txAmt) ?? '', attr(txAmt, 'Ccy') ?? ctx.currency);
    if (typeof a === 'string')
      return err(txAmt === undefined ? 'a batched transaction needs its amount' : a, {
        transaction: i + 1,
        field: 'Amt',
      });
    const txSide = side(textAt(tx, 'CdtDbtInd')) ?? s;
    sum += signed(a, txSide);
    lines.push(lineOf(base, tx, i + 1, a, txSide, ctx));
  }
  if (sum !== signed(amount, s))
    return err(`the batch's transactions add up to ${sum} minor units, the entry is ${signed(amount, s)}`, {
      field: 'NtryDtls',
    });
  return lines;
}
