import type { Attribution } from '@credence/app';
import type { CsvValue } from '../engine/csv';

/** The attribution columns of every ledger table (migration 010), after the entry's own columns. */
export const ATTRIBUTION_COLUMNS = ['recorded_by', 'recorded_at', 'source'] as const;

export const attributionFields = (a: Attribution): readonly CsvValue[] => [
  a.recordedBy,
  a.recordedAt.toISOString(),
  a.source,
];

interface AttributionRow {
  readonly recorded_by: string | null;
  readonly recorded_at: Date | string | null;
  readonly source: string | null;
}

/** `{ recorded }` for a row that has it (rows written before migration 010 have none). */
export function recordedOf(r: AttributionRow): { recorded?: Attribution } {
  if (r.recorded_by === null || r.recorded_at === null) return {};
  const recordedAt = r.recorded_at instanceof Date ? r.recorded_at : new Date(r.recorded_at);
  return {
    recorded: { recordedBy: r.recorded_by, recordedAt, ...(r.source !== null ? { source: r.source } : {}) },
  };
}
