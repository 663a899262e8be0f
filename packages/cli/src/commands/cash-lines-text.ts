import type { CashLine, StoredProposal } from '@credence/app';
import { dec } from '../format/money';

/** JSON for the cash commands: bigints as decimal strings of minor units. */
export const cashJson = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x), 2);

const proposalText = (p: StoredProposal, i: number, c: CashLine): string => {
  const cur = c.bankLine.currency;
  const why = p.reasons.map((r) => r.code).join(', ');
  if (p.kind === 'unapply')
    return `    ${i + 1}. un-apply payment ${p.paymentId} of ${p.buyerId} (score ${p.score}): ${why}`;
  const docs = p.allocations.map((a) => `${a.document} ${dec(a.amount, cur)}`).join('; ') || 'no document';
  const rest = p.onAccount > 0n ? `, ${dec(p.onAccount, cur)} on account` : '';
  return `    ${i + 1}. ${p.buyerId}: ${docs}${rest} (score ${p.score}): ${why}`;
};

/** One line a row: the line, booking date, amount, payer, state and buyer; with `proposals`, each proposal below. */
export function cashLinesText(lines: readonly CashLine[], proposals: boolean, empty: string): string {
  if (lines.length === 0) return empty;
  return lines
    .flatMap((c) => {
      const l = c.bankLine;
      const payer = [l.payerName, l.payerIban].filter((x) => x !== undefined).join(' ') || 'payer unknown';
      const head = `${c.statement}:${c.line}  ${l.bookingDate}  ${l.currency} ${dec(l.amount, l.currency)}  ${payer}  ${c.state}${c.buyerId === undefined ? '' : ` ${c.buyerId}`}${c.paymentId === undefined ? '' : ` (payment ${c.paymentId})`}${l.remittance === '' ? '' : `  "${l.remittance}"`}`;
      const notes = [
        ...(c.reasons.length > 0 ? [`    line: ${c.reasons.map((r) => r.code).join(', ')}`] : []),
        ...(c.note === undefined ? [] : [`    note: ${c.note} (${c.decidedBy})`]),
      ];
      return proposals ? [head, ...c.proposals.map((p, i) => proposalText(p, i, c)), ...notes] : [head];
    })
    .join('\n');
}
