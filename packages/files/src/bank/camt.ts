import { createRequire } from 'node:module';
import { type BankStatement, type BankStatementLine, isCurrency } from '@credence/core';
import type { XMLParser as Parser } from 'fast-xml-parser';
import { bankAmount } from './amount';
import { type CamtContext, camtDate, camtLines } from './camt-entry';
import type { BankParseError, BankParseResult } from './result';
import { all, at, attr, text, textAt, type XmlNode } from './xml-nodes';

// The paths follow the ISO 20022 message definitions as genkgo/camt (PHP, MIT) decodes them for versions
// 001.02 to 001.08: Stmt|Ntfctn → Id, ElctrncSeqNb, CreDtTm, Acct/Id/(IBAN|Othr/Id), Bal (Tp/CdOrPrtry/Cd
// OPBD|PRCD → opening, CLBD → closing), Ntry; read here namespace-agnostic (the prefix and version are ignored).

const OPENING = ['OPBD', 'PRCD'];
const CLOSING = ['CLBD'];

function balance(stmt: XmlNode, codes: readonly string[], ctx: CamtContext): BankStatement['opening'] {
  const bal = all(stmt, 'Bal').find((b) => codes.includes(textAt(b, 'Tp', 'CdOrPrtry', 'Cd') ?? ''));
  if (bal === undefined) return undefined;
  const amt = at(bal, 'Amt');
  const amount = bankAmount(text(amt) ?? '', attr(amt, 'Ccy') ?? ctx.currency);
  const side = textAt(bal, 'CdtDbtInd');
  const date = camtDate(at(bal, 'Dt'));
  const field = `Bal ${codes[0]}`;
  if (typeof amount === 'string') ctx.errors.push({ statement: ctx.statement, field, reason: amount });
  else if (side !== 'CRDT' && side !== 'DBIT')
    ctx.errors.push({ statement: ctx.statement, field, reason: 'CdtDbtInd must be CRDT or DBIT' });
  else if (date === undefined) ctx.errors.push({ statement: ctx.statement, field, reason: 'no valid Dt' });
  else return { amount, creditDebit: side === 'CRDT' ? 'credit' : 'debit', date: date as never };
  return undefined;
}

function statementOf(
  stmt: XmlNode,
  format: 'camt.053' | 'camt.054',
  version: string | undefined,
  index: number,
  errors: BankParseError[],
): BankStatement | undefined {
  const id = textAt(stmt, 'Id') ?? `#${index + 1}`;
  const account = textAt(stmt, 'Acct', 'Id', 'IBAN') ?? textAt(stmt, 'Acct', 'Id', 'Othr', 'Id') ?? '';
  const firstAmount = at(all(stmt, 'Ntry')[0] ?? at(stmt, 'Bal'), 'Amt');
  const currencyText = textAt(stmt, 'Acct', 'Ccy') ?? attr(firstAmount, 'Ccy') ?? '';
  if (!isCurrency(currencyText)) {
    errors.push({ statement: id, field: 'Acct/Ccy', reason: `no known account currency ("${currencyText}")` });
    return undefined;
  }
  const ctx: CamtContext = { statement: id, currency: currencyText, errors };
  const opening = format === 'camt.053' ? balance(stmt, OPENING, ctx) : undefined;
  const closing = format === 'camt.053' ? balance(stmt, CLOSING, ctx) : undefined;
  if (format === 'camt.053' && (opening === undefined || closing === undefined) && errors.length === 0)
    errors.push({
      statement: id,
      field: 'Bal',
      reason: 'a statement needs an opening (OPBD/PRCD) and a closing (CLBD) balance',
    });
  const lines: BankStatementLine[] = [];
  all(stmt, 'Ntry').forEach((ntry, i) => {
    lines.push(...camtLines(ntry, i + 1, ctx));
  });
  const sequence = textAt(stmt, 'ElctrncSeqNb');
  const createdAt = textAt(stmt, 'CreDtTm');
  return {
    format,
    ...(version === undefined ? {} : { version }),
    account: account.replace(/\s+/g, '').toUpperCase(),
    currency: currencyText,
    statementId: id,
    ...(sequence === undefined ? {} : { sequence }),
    ...(createdAt === undefined ? {} : { createdAt }),
    ...(opening === undefined ? {} : { opening }),
    ...(closing === undefined ? {} : { closing }),
    lines,
  };
}

// Loaded on first use (a statement import), not at the CLI's start-up.
const require = createRequire(import.meta.url);
const xmlParser = () => (require('fast-xml-parser') as { XMLParser: typeof Parser }).XMLParser;

/** True for text that looks like a camt.053 or camt.054 document. */
export const looksLikeCamt = (text: string): boolean =>
  /<(?:\w+:)?(BkToCstmrStmt|BkToCstmrDbtCdtNtfctn)[\s>]/.test(text.slice(0, 4000));

/** Parses a camt.053 (`BkToCstmrStmt`) or camt.054 (`BkToCstmrDbtCdtNtfctn`) document, any version. */
export function parseCamt(xml: string): BankParseResult {
  const XMLParser = xmlParser();
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
  });
  // The validator would read the whole document a second time; a cut-off file (the failure that happens) is
  // caught by its missing end tag, anything worse by the parser itself.
  if (!/<\/(?:[\w.-]+:)?Document>\s*$/.test(xml.slice(-200)))
    return {
      ok: false,
      errors: [{ reason: 'the document does not end with </Document>: the file is cut off or not camt' }],
    };
  let doc: XmlNode;
  try {
    doc = parser.parse(xml);
  } catch (e) {
    return { ok: false, errors: [{ reason: `not well-formed XML: ${(e as Error).message.split('\n')[0]}` }] };
  }
  const root = at(doc, 'Document');
  const stmts = all(at(root, 'BkToCstmrStmt'), 'Stmt');
  const ntfs = all(at(root, 'BkToCstmrDbtCdtNtfctn'), 'Ntfctn');
  const format = stmts.length > 0 ? 'camt.053' : 'camt.054';
  const version = /camt\.05[34]\.(\d{3}\.\d{2})/.exec(xml.slice(0, 4000))?.[1];
  const nodes = stmts.length > 0 ? stmts : ntfs;
  if (nodes.length === 0)
    return { ok: false, errors: [{ reason: 'no Document/BkToCstmrStmt/Stmt nor BkToCstmrDbtCdtNtfctn/Ntfctn' }] };
  const errors: BankParseError[] = [];
  const value = nodes.map((n, i) => statementOf(n, format, version, i, errors));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: value.filter((s): s is BankStatement => s !== undefined) };
}
