import { type BusinessDate, type ErrorCode, ok, parseDate, parseMoney, type Result } from '@credence/core';
import type { ImportFailure, RowError, RowSource } from '../import/source';
import type { Store } from '../ports';
import { policyNamed } from './policies-in-force';
import type { InsuranceEventDraft, InsuranceEventKind } from './ports';

const DECISIONS: Readonly<Record<string, InsuranceEventKind>> = {
  request: 'limit_requested',
  approve: 'limit_approved',
  approved: 'limit_approved',
  reduce: 'limit_reduced',
  reduced: 'limit_reduced',
  withdraw: 'limit_withdrawn',
  withdrawn: 'limit_withdrawn',
  discretionary: 'discretionary',
  adverse: 'adverse_info',
};
const NO_AMOUNT = new Set<InsuranceEventKind>(['limit_withdrawn', 'adverse_info']);
export const INSURER_DECISION_COLUMNS = [
  'buyer_id',
  'decision',
  'amount',
  'currency',
  'decision_date',
  'expiry',
  'reference',
];

export interface InsurerDecisionsSummary {
  readonly file: string;
  readonly rows: number;
  readonly created: number;
  readonly unchanged: number;
}

/**
 * Imports the insurer's decisions (CSV: buyer_id, decision, amount, currency, decision_date, expiry, reference)
 * under a policy. Every row is checked first (unknown buyer, unknown decision, bad date or amount, another
 * currency, expiry before the decision); any error rejects the whole file with the errors per row. Decisions
 * already stored (same buyer, kind, date, amount, reference) are left as they are: a rerun writes nothing.
 */
export async function importInsurerDecisions(
  store: Store,
  source: RowSource,
  x: { readonly by: string; readonly policyNumber?: string },
): Promise<Result<InsurerDecisionsSummary>> {
  const policy = await policyNamed(store, x.policyNumber);
  if (!policy.ok) return policy;
  const p = policy.value;
  const errors: RowError[] = [];
  const err = (row: number, column: string, value: string, code: ErrorCode, params: Record<string, string> = {}) =>
    errors.push({ file: source.file, row, column, value, code, params });
  const missing = ['buyer_id', 'decision', 'decision_date'].filter((c) => !source.columns.includes(c));
  for (const c of missing) err(1, c, '', 'missing_field', { field: c });
  const drafts: { row: number; draft: InsuranceEventDraft }[] = [];
  let rows = 0;
  if (missing.length === 0)
    for await (const r of source.rows) {
      rows++;
      const v = (k: string) => (r.values[k] ?? '').trim();
      const kind = DECISIONS[v('decision').toLowerCase()];
      if (kind === undefined) err(r.row, 'decision', v('decision'), 'invalid_field', { field: 'decision' });
      const on = parseDate(v('decision_date'));
      if (!on.ok) err(r.row, 'decision_date', v('decision_date'), 'invalid_date');
      let expiry: BusinessDate | undefined;
      if (v('expiry') !== '') {
        const e = parseDate(v('expiry'));
        if (!e.ok) err(r.row, 'expiry', v('expiry'), 'invalid_date');
        else if (on.ok && e.value < on.value)
          err(r.row, 'expiry', v('expiry'), 'invalid_date', { reason: 'before_decision_date' });
        else expiry = e.value;
      }
      if (v('currency') !== '' && v('currency').toUpperCase() !== p.currency)
        err(r.row, 'currency', v('currency'), 'currency_mismatch', { expected: p.currency });
      let amount: bigint | undefined;
      if (v('amount') !== '') {
        const m = parseMoney(v('amount'), p.currency);
        if (!m.ok || m.value.amount < 0n) err(r.row, 'amount', v('amount'), 'invalid_amount');
        else amount = m.value.amount;
      } else if (kind !== undefined && !NO_AMOUNT.has(kind))
        err(r.row, 'amount', '', 'missing_field', { field: 'amount' });
      if (v('buyer_id') === '') err(r.row, 'buyer_id', '', 'missing_field', { field: 'buyer_id' });
      if (kind !== undefined && on.ok && v('buyer_id') !== '')
        drafts.push({
          row: r.row,
          draft: {
            policyNumber: p.policyNumber,
            buyerId: v('buyer_id'),
            kind,
            date: on.value,
            ...(amount !== undefined ? { amount } : {}),
            ...(expiry !== undefined ? { expiry } : {}),
            ...(v('reference') !== '' ? { reference: v('reference') } : {}),
            reason: `insurer decision (${source.file})`,
            by: x.by,
          },
        });
    }
  const ids = [...new Set(drafts.map((d) => d.draft.buyerId))];
  const known = new Set((await store.findBuyers(ids)).map((b) => b.id));
  const unknown = new Set(ids.filter((id) => !known.has(id)));
  for (const d of drafts) if (unknown.has(d.draft.buyerId)) err(d.row, 'buyer_id', d.draft.buyerId, 'unknown_buyer');
  if (errors.length > 0) {
    const rejected: ImportFailure = {
      code: 'import_rejected',
      params: { file: source.file, errors: errors.length },
      errors,
      errorCount: errors.length,
    };
    return { ok: false, error: rejected };
  }
  return store.transact(async (tx) => {
    await tx.lock(`insurance:${p.policyNumber}`);
    const stored = await tx.insuranceEvents({ policyNumber: p.policyNumber });
    const key = (e: Pick<InsuranceEventDraft, 'buyerId' | 'kind' | 'date' | 'amount' | 'reference'>) =>
      `${e.buyerId}|${e.kind}|${e.date}|${e.amount ?? ''}|${e.reference ?? ''}`;
    const seen = new Set(stored.map(key));
    let created = 0;
    for (const d of drafts) {
      if (seen.has(key(d.draft))) continue;
      seen.add(key(d.draft));
      await tx.appendInsuranceEvent(d.draft);
      created++;
    }
    return ok({ file: source.file, rows, created, unchanged: rows - created });
  });
}
