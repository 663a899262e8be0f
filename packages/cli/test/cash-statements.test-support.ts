// Bank statement files written from generated bank lines (issue 16: precision measured on statements the matcher
// has not seen): camt.053.001.08 and MT940 with the German :86: sub-fields, balances that add up.
import type { BankLine } from '@credence/core/cash-matching';

export interface StatementToWrite {
  readonly id: string;
  /** camt `ElctrncSeqNb`, MT940 `:28C:`. */
  readonly sequence: number;
  readonly account: string;
  readonly date: string;
  /** Opening balance, minor units (a credit balance). */
  readonly opening: bigint;
  readonly lines: readonly BankLine[];
}

const cents = (v: bigint) => {
  const a = v < 0n ? -v : v;
  return `${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
};
const signed = (l: BankLine) => (l.creditDebit === 'credit' ? l.amount : -l.amount);
export const closing = (s: StatementToWrite) => s.lines.reduce((b, l) => b + signed(l), s.opening);

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const tag = (name: string, v: string | undefined) =>
  v === undefined || v === '' ? '' : `<${name}>${xml(v)}</${name}>`;

/** A camt.053.001.08 statement: one entry per line, the payer as `RltdPties`, a structured reference as `Strd`. */
export function camt053(s: StatementToWrite): string {
  const bal = (code: string, v: bigint) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${cents(v)}</Amt>` +
    `<CdtDbtInd>${v < 0n ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${s.date}</Dt></Dt></Bal>`;
  const entry = (l: BankLine) => {
    const party = l.creditDebit === 'credit' ? 'Dbtr' : 'Cdtr';
    const parties =
      l.payerName || l.payerIban
        ? `<RltdPties>${l.payerName ? `<${party}><Pty><Nm>${xml(l.payerName)}</Nm></Pty></${party}>` : ''}` +
          `${l.payerIban ? `<${party}Acct><Id><IBAN>${l.payerIban}</IBAN></Id></${party}Acct>` : ''}</RltdPties>`
        : '';
    const rmt =
      l.remittance || l.structuredRef
        ? `<RmtInf>${tag('Ustrd', l.remittance)}${
            l.structuredRef ? `<Strd><CdtrRefInf><Ref>${xml(l.structuredRef)}</Ref></CdtrRefInf></Strd>` : ''
          }</RmtInf>`
        : '';
    return (
      `<Ntry><Amt Ccy="${l.currency}">${cents(l.amount)}</Amt><CdtDbtInd>${l.creditDebit === 'credit' ? 'CRDT' : 'DBIT'}</CdtDbtInd>` +
      `${l.reversal ? '<RvslInd>true</RvslInd>' : ''}<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>${l.bookingDate}</Dt></BookgDt>` +
      `<ValDt><Dt>${l.valueDate ?? l.bookingDate}</Dt></ValDt>${tag('AcctSvcrRef', l.bankRef)}<NtryDtls><TxDtls>` +
      `${l.endToEndId ? `<Refs>${tag('EndToEndId', l.endToEndId)}</Refs>` : ''}${parties}${rmt}</TxDtls></NtryDtls></Ntry>`
    );
  };
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>` +
    `<GrpHdr><MsgId>${s.id}</MsgId><CreDtTm>${s.date}T18:00:00</CreDtTm></GrpHdr><Stmt><Id>${s.id}</Id>` +
    `<ElctrncSeqNb>${s.sequence}</ElctrncSeqNb><Acct><Id><IBAN>${s.account}</IBAN></Id><Ccy>EUR</Ccy></Acct>` +
    `${bal('OPBD', s.opening)}${bal('CLBD', closing(s))}\n${s.lines.map(entry).join('\n')}\n</Stmt></BkToCstmrStmt></Document>\n`
  );
}

/** The :86: sub-fields of at most 27 characters each, from `start` on. */
function subfields(text: string, start: number, last: number): string[] {
  const out: string[] = [];
  for (let i = 0, code = start; i < text.length && code <= last; i += 27, code++)
    out.push(`?${String(code).padStart(2, '0')}${text.slice(i, i + 27)}`);
  return out;
}

/** An MT940 statement: `:61:` with the `//` bank reference, `:86:` with EREF+ and SVWZ+ (an RF first), payer ?31–?33. */
export function mt940(s: StatementToWrite): string {
  const ymd = (d: string) => d.slice(2).replaceAll('-', '');
  const md = (d: string) => d.slice(5).replaceAll('-', '');
  const amount = (v: bigint) => cents(v).replace('.', ',');
  const balance = (tagName: string, v: bigint) => `${tagName}${v < 0n ? 'D' : 'C'}${ymd(s.date)}EUR${amount(v)}`;
  const out = [
    ':20:STARTUMSE',
    `:25:${s.account}`,
    `:28C:${String(s.sequence).padStart(5, '0')}/001`,
    balance(':60F:', s.opening),
  ];
  for (const l of s.lines) {
    const mark = l.reversal ? (l.creditDebit === 'debit' ? 'RC' : 'RD') : l.creditDebit === 'credit' ? 'C' : 'D';
    out.push(
      `:61:${ymd(l.valueDate ?? l.bookingDate)}${md(l.bookingDate)}${mark}${amount(l.amount)}NTRFNONREF${l.bankRef ? `//${l.bankRef}` : ''}`,
    );
    const purpose = [l.structuredRef, l.remittance].filter((x) => x !== undefined && x !== '').join(' ');
    const sepa = `${l.endToEndId ? `EREF+${l.endToEndId}` : ''}${purpose ? `SVWZ+${purpose}` : ''}`;
    const name = l.payerName ?? '';
    const fields = [
      `${l.creditDebit === 'credit' ? '166?00SEPA-GUTSCHRIFT' : '159?00RUECKUEBERWEISUNG'}`,
      ...subfields(sepa, 20, 29),
      ...(l.payerIban ? [`?31${l.payerIban}`] : []),
      ...subfields(name, 32, 33),
    ];
    out.push(`:86:${fields.join('\n')}`);
  }
  out.push(balance(':62F:', closing(s)), '-');
  return `${out.join('\n')}\n`;
}
