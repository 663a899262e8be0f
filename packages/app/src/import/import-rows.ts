import type { Result } from '@credence/core';
import type { Store } from '../ports';
import { importBuyers } from './import-buyers';
import { importDocuments } from './import-documents';
import { importExternalGrades } from './import-external-grades';
import { importFxRates } from './import-fx-rates';
import { importOrders } from './import-orders';
import { importPayments } from './import-payments';
import { importStatements } from './import-statements';
import type { Mapping } from './mapping';
import type { ImportFailure, ImportKind, ImportOptions, ImportSummary, RowSource } from './source';

type Importer = (
  store: Store,
  source: RowSource,
  mapping: Mapping | undefined,
  options: ImportOptions,
) => Promise<Result<ImportSummary, ImportFailure>>;

const IMPORTERS: Readonly<Record<ImportKind, Importer>> = {
  buyers: importBuyers,
  invoices: importDocuments,
  payments: importPayments,
  'fx-rates': importFxRates,
  statements: importStatements,
  orders: importOrders,
  'external-grades': importExternalGrades,
};

/**
 * Imports the rows of one file of a kind (`credence import KIND FILE`, an upload): mapped, validated, all or
 * nothing in one transaction; the summary, or the row errors.
 */
export function importRows(
  store: Store,
  kind: ImportKind,
  source: RowSource,
  mapping: Mapping | undefined,
  options: ImportOptions = {},
): Promise<Result<ImportSummary, ImportFailure>> {
  return IMPORTERS[kind](store, source, mapping, options);
}
