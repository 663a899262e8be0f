// A generated camt.053 for the bank statement benchmark (bank-statement-bench.ts).

/** A camt.053.001.08 of about `n` lines: single credits, batches of three, a debit every tenth entry. */
export function camt(n: number): string {
  const out: string[] = [];
  let balance = 0n;
  let made = 0;
  for (let e = 1; made < n; e++) {
    const amt = (k: number) => BigInt(1000 + ((e * 7919 + k * 104729) % 900000));
    const cents = (v: bigint) => `${v / 100n}.${String(v % 100n).padStart(2, '0')}`;
    const tx = (a: bigint, k: number) =>
      `<TxDtls><Refs><EndToEndId>E2E-${e}-${k}</EndToEndId></Refs><Amt Ccy="EUR">${cents(a)}</Amt>` +
      `<RltdPties><Dbtr><Pty><Nm>Buyer ${e % 5000} GmbH</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>DE02120300000000${String(e % 5000).padStart(6, '0')}</IBAN></Id></DbtrAcct></RltdPties>` +
      `<RmtInf><Ustrd>Invoice INV-${100000 + e} customer ${e % 5000}</Ustrd></RmtInf></TxDtls>`;
    const entry = (a: bigint, side: 'CRDT' | 'DBIT', txs: string) =>
      `<Ntry><Amt Ccy="EUR">${cents(a)}</Amt><CdtDbtInd>${side}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>` +
      `<BookgDt><Dt>2026-03-02</Dt></BookgDt><ValDt><Dt>2026-03-02</Dt></ValDt><AcctSvcrRef>R-${e}</AcctSvcrRef>` +
      `<NtryDtls>${txs}</NtryDtls></Ntry>`;
    if (e % 10 === 0) {
      const a = amt(0);
      balance -= a;
      out.push(entry(a, 'DBIT', tx(a, 0)));
      made += 1;
    } else if (e % 10 === 5 && n - made >= 3) {
      const parts = [amt(1), amt(2), amt(3)];
      const sum = parts.reduce((s, v) => s + v, 0n);
      balance += sum;
      out.push(entry(sum, 'CRDT', parts.map((p, k) => tx(p, k + 1)).join('')));
      made += 3;
    } else {
      const a = amt(0);
      balance += a;
      out.push(entry(a, 'CRDT', tx(a, 0)));
      made += 1;
    }
  }
  const bal = (code: string, v: bigint) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${(v < 0n ? -v : v) / 100n}.${String((v < 0n ? -v : v) % 100n).padStart(2, '0')}</Amt><CdtDbtInd>${v < 0n ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>2026-03-02</Dt></Dt></Bal>`;
  return `<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-03-02T18:00:00</CreDtTm></GrpHdr><Stmt><Id>BENCH-${n}</Id><ElctrncSeqNb>1</ElctrncSeqNb><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>${bal('OPBD', 0n)}${bal('CLBD', balance)}\n${out.join('\n')}\n</Stmt></BkToCstmrStmt></Document>`;
}
