import {
  type ImportKind,
  type ImportOptions,
  type ImportSummary,
  importRows,
  type Mapping,
  type RowSource,
  type Store,
} from '@credence/app';

export const IMPORT_KINDS: readonly ImportKind[] = [
  'buyers',
  'invoices',
  'payments',
  'fx-rates',
  'statements',
  'orders',
  'external-grades',
];

/** One file imported by kind (app `importRows`). */
export function runImport(
  store: Store,
  kind: ImportKind,
  source: RowSource,
  mapping: Mapping | undefined,
  options: ImportOptions,
) {
  return importRows(store, kind, source, mapping, options);
}

export function summaryText(s: ImportSummary): string {
  const parts = [`${s.rows} rows read`, `${s.created} new`];
  if (s.kind === 'buyers' || s.kind === 'statements' || s.kind === 'orders' || s.kind === 'external-grades')
    parts.push(`${s.updated} updated`);
  parts.push(`${s.unchanged} unchanged`);
  if (s.skipped) parts.push(`${s.skipped} skipped by the mapping`);
  if (s.kind === 'payments' || s.allocations > 0) parts.push(`${s.allocations} allocations`);
  return `Imported ${s.kind} from ${s.file}: ${parts.join(', ')}.`;
}
