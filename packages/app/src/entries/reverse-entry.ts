import { type Allocation, fail, ok, type Result } from '@credence/core';
import { contentHash } from '../hash';
import type { Reversal, Store } from '../ports';
import { lockDocumentLedger, lockPaymentLedger } from './ledger-lock';

/**
 * The key names the operation "reverse this entry", so a second reversal of the same entry under
 * another id is an idempotency conflict (and the store's unique key refuses it).
 */
export const reversalKey = (r: Pick<Reversal, 'kind' | 'targetId'>): string => `reversal:${r.kind}:${r.targetId}`;

/**
 * Reverses a payment (a bounced transfer) or a write-off from `date` on: a reversal entry and, per
 * document the entry still moves, an allocation row with the opposite delta dated at the reversal date.
 * Nothing is edited, so an aging before `date` still shows the entry. An entry can be reversed once.
 */
export async function reverseEntry(
  store: Store,
  reversal: Reversal,
): Promise<Result<{ reversal: Reversal; created: boolean; allocations: readonly Allocation[] }>> {
  // The why is kept with the entry and in the audit trail: a reversal without one is refused.
  if (reversal.reason.trim() === '') return fail('missing_field', { field: 'reason' });
  const hash = contentHash(reversal);
  return store.transact(async (tx) => {
    if (reversal.kind === 'payment') await lockPaymentLedger(tx, reversal.targetId);
    else {
      const [writeOff] = await tx.findWriteOffs([reversal.targetId]);
      if (writeOff !== undefined) await lockDocumentLedger(tx, writeOff.documentNumber);
    }
    const [before] = await tx.findReversals([reversal.id]);
    if (before !== undefined) {
      if (before.contentHash !== hash)
        return fail('idempotency_conflict', { key: reversalKey(reversal), id: reversal.id });
      return ok({ reversal, created: false, allocations: [] });
    }
    const target =
      reversal.kind === 'payment'
        ? (await tx.findPayments([reversal.targetId]))[0]
        : (await tx.findWriteOffs([reversal.targetId]))[0];
    if (target === undefined) return fail('not_found', { kind: reversal.kind, id: reversal.targetId });
    const earlier = await tx.reversalOf(reversal.kind, reversal.targetId);
    if (earlier !== undefined)
      return fail('idempotency_conflict', { key: reversalKey(reversal), reason: 'already_reversed', by: earlier.id });
    if (reversal.date < target.date) return fail('invalid_date', { value: reversal.date, reason: 'before_entry' });
    const rows = await tx.allocationsOf(reversal.kind, reversal.targetId);
    const allocations: Allocation[] = netPerDocument(rows)
      .filter((n) => n.delta !== 0n)
      .map((n) => ({ ...n, kind: reversal.kind, entryId: reversal.targetId, date: reversal.date, delta: -n.delta }));
    await tx.insertReversals([{ ...reversal, idempotencyKey: reversalKey(reversal), contentHash: hash }]);
    await tx.insertAllocations(allocations);
    return ok({ reversal, created: true, allocations });
  });
}

function netPerDocument(rows: readonly Allocation[]): Allocation[] {
  const m = new Map<string, Allocation>();
  for (const r of rows) {
    const prev = m.get(r.documentNumber);
    m.set(r.documentNumber, prev === undefined ? r : { ...prev, delta: prev.delta + r.delta });
  }
  return [...m.values()];
}
