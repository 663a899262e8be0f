import { importBankStatement, type MatchBankLinesSummary, matchBankLines, type Store } from '@credence/app';
import type { BankStatementLine, BusinessDate, CurrencyCode } from '@credence/core';

/** The demo's receivable account (the bank statement's). */
const ACCOUNT = 'DE02200505501015871393';

/**
 * The day's bank statement of the demo (issue 16), built from the store's open invoices so every outcome shows:
 * three buyers paying their oldest invoice quoting its number (applied), a payment of exactly one open item's amount
 * with nothing else (review: never applied on amount alone), a known buyer paying an amount nothing fits (on
 * account), a stranger (suspense). Imported and matched through the real use cases.
 */
export async function cashTour(
  store: Store,
  x: { readonly asOf: BusinessDate; readonly currency: CurrencyCode },
): Promise<MatchBankLinesSummary | undefined> {
  const buyers = (await store.listBuyers()).filter((b) => b.currency === x.currency).slice(0, 40);
  const open = (await store.openInvoices(buyers.map((b) => b.id))).filter((i) => i.currency === x.currency);
  const name = new Map(buyers.map((b) => [b.id, b.name]));
  const lines: BankStatementLine[] = [];
  const line = (amount: bigint, more: Partial<BankStatementLine>): BankStatementLine => ({
    entry: lines.length + 1,
    amount,
    currency: x.currency,
    creditDebit: 'credit',
    bookingDate: x.asOf,
    valueDate: x.asOf,
    remittance: '',
    reversal: false,
    ...more,
  });
  const payers = new Set<string>();
  for (const i of [...open].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1))) {
    if (payers.size === 3) break;
    if (payers.has(i.buyerId)) continue;
    payers.add(i.buyerId);
    lines.push(line(i.open, { payerName: name.get(i.buyerId) ?? '', remittance: `Invoice ${i.number}` }));
  }
  const count = new Map<bigint, number>();
  for (const i of open) count.set(i.open, (count.get(i.open) ?? 0) + 1);
  const unique = open.find((i) => count.get(i.open) === 1 && !payers.has(i.buyerId));
  if (unique !== undefined) lines.push(line(unique.open, {}));
  const other = buyers.find((b) => !payers.has(b.id) && b.id !== unique?.buyerId);
  if (other !== undefined) lines.push(line(12_345n, { payerName: other.name, remittance: 'Advance payment' }));
  lines.push(line(77_700n, { payerName: 'Maria Schneider', remittance: 'Zahlung' }));
  if (lines.length === 0) return undefined;
  const imported = await importBankStatement(store, [
    { format: 'camt.054', account: ACCOUNT, currency: x.currency, statementId: `DEMO-${x.asOf}`, lines },
  ]);
  if (!imported.ok) throw new Error(`demo statement rejected: ${JSON.stringify(imported.error)}`);
  const matched = await matchBankLines(store, { by: 'demo' });
  if (!matched.ok) throw new Error(`demo statement not matched: ${JSON.stringify(matched.error)}`);
  return matched.value;
}
