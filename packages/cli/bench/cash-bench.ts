// Times import + matching of one generated camt.053 on a fresh PGlite directory (issue 16: a statement of 100 k
// lines in at most 60 s). npm run bench:cash -- [--lines 100000] [--buyers 3000] [--dir .bench]
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { importBankStatement, importDocuments, matchBankLines, type RowSource } from '@credence/app';
import type { BankLine } from '@credence/core/cash-matching';
import { asBankWrites, companyNames, ibanFor, Rng, strangerName } from '@credence/core/cash-matching/testing';
import { openStore } from '@credence/db';
import { parseBankStatement } from '@credence/files';
import { camt053 } from '../test/cash-statements.test-support';
import { line, peakRssMb, seconds, timed } from './measure';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : (process.argv[i + 1] ?? fallback);
};
const lines = Number(arg('lines', '100000'));
// The synthetic name pools give some 3,700 distinct company names.
const buyerCount = Math.min(3000, Number(arg('buyers', '3000')));
const dir = join(arg('dir', '.bench'), `cash-${process.pid}`);
const ACCOUNT = 'DE02200505501015871393';

/** A portfolio (buyers, 1.2 invoices per line) and a statement paying it: by number, by IBAN, by name, strangers. */
function generate() {
  const rng = new Rng(16);
  const names = companyNames(rng, buyerCount);
  const invoices = Array.from({ length: Math.ceil(lines * 1.2) }, (_, k) => ({
    number: `INV-${String(k + 1).padStart(7, '0')}`,
    buyer: k % buyerCount,
    amount: BigInt(rng.int(5_000, 2_500_000)),
  }));
  const statement: BankLine[] = [];
  for (let k = 0; k < lines; k++) {
    const inv = invoices[k] ?? invoices[0];
    if (inv === undefined) break;
    const name = names[inv.buyer] ?? '';
    const kind = rng.int(0, 9);
    const base = {
      currency: 'EUR',
      bookingDate: '2026-03-02',
      valueDate: '2026-03-02',
      creditDebit: 'credit',
      reversal: false,
      bankRef: `R${k}`,
      amount: inv.amount,
    } as unknown as BankLine;
    if (kind <= 5)
      statement.push({ ...base, payerName: asBankWrites(rng, name), remittance: `Rechnung ${inv.number}` });
    else if (kind <= 7) statement.push({ ...base, payerName: asBankWrites(rng, name), payerIban: ibanFor(inv.buyer) });
    else if (kind === 8) statement.push({ ...base, payerName: asBankWrites(rng, name), remittance: 'Zahlung' });
    else
      statement.push({
        ...base,
        payerName: strangerName(rng),
        payerIban: ibanFor(10_000_000 + k),
        remittance: 'Zahlung',
      });
  }
  return { names, invoices, statement };
}

async function main() {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  mkdirSync(dir, { recursive: true });
  const made = await timed(() => generate());
  const { names, invoices, statement } = made.value;
  const text = camt053({
    id: `BENCH-${lines}`,
    sequence: 1,
    account: ACCOUNT,
    date: '2026-03-02',
    opening: 0n,
    lines: statement,
  });
  out(
    line(
      'generate',
      `${buyerCount.toLocaleString('en-US')} buyers, ${invoices.length.toLocaleString('en-US')} invoices, ${lines.toLocaleString('en-US')} lines`,
      seconds(made.ms),
    ),
  );
  const store = await openStore({ dir: join(dir, 'db') });
  try {
    const seeded = await timed(async () => {
      await store.transact((tx) =>
        tx.upsertBuyers(
          names.map((name, b) => ({
            id: `B${b}`,
            name,
            country: 'DE',
            currency: 'EUR' as never,
            paymentTermsDays: 30,
          })),
        ),
      );
      // Two buyers in three have paid from their IBAN before.
      await store.transact((tx) =>
        tx.putLearnedIbans(
          names.flatMap((_, b) => (b % 3 === 2 ? [] : [{ iban: ibanFor(b), buyerId: `B${b}`, setBy: 'history' }])),
        ),
      );
      const cols = ['document_number', 'buyer_id', 'type', 'issue_date', 'due_date', 'amount', 'currency'];
      const source: RowSource = {
        file: 'invoices.csv',
        columns: cols,
        rows: invoices.map((i, k) => ({
          row: k + 2,
          values: {
            document_number: i.number,
            buyer_id: `B${i.buyer}`,
            type: 'invoice',
            issue_date: '2026-01-10',
            due_date: '2026-02-09',
            amount: `${i.amount / 100n}.${String(i.amount % 100n).padStart(2, '0')}`,
            currency: 'EUR',
          },
        })),
      };
      const r = await importDocuments(store, source);
      if (!r.ok) throw new Error(JSON.stringify(r.error).slice(0, 300));
    });
    out(line('seed the portfolio (not timed below)', seconds(seeded.ms)));
    const total = await timed(async () => {
      const parsed = await timed(() => parseBankStatement(new TextEncoder().encode(text)));
      if (!parsed.value.ok) throw new Error(JSON.stringify(parsed.value.errors.slice(0, 3)));
      out(line('parse camt.053', seconds(parsed.ms)));
      const stored = await timed(() =>
        importBankStatement(store, parsed.value.ok ? parsed.value.value : [], { receivableAccounts: [ACCOUNT] }),
      );
      if (!stored.value.ok) throw new Error(JSON.stringify(stored.value.error));
      out(line('check, hash and store', seconds(stored.ms)));
      const matched = await timed(() => matchBankLines(store, { by: 'bench' }));
      if (!matched.value.ok) throw new Error(JSON.stringify(matched.value.error));
      const c = matched.value.value.counts;
      out(
        line(
          'match and apply',
          seconds(matched.ms),
          `applied ${c.applied}, on account ${c.on_account}, review ${c.review}, suspense ${c.suspense}`,
        ),
      );
    });
    out(line('import + match, total', seconds(total.ms), `peak RSS ${peakRssMb()} MB`));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
