export { FIELDS, type FieldSpec, lineColumn, NUMBER_FIELDS, TEXT_KINDS } from './fields';
export { importBuyers } from './import-buyers';
export { documentKey, importDocuments } from './import-documents';
export { importExternalGrades } from './import-external-grades';
export { importFxRates } from './import-fx-rates';
export { importOrders } from './import-orders';
export { importPayments } from './import-payments';
export { importRows } from './import-rows';
export { importStatements } from './import-statements';
export { type Mapping, parseMapping, type SkipCondition } from './mapping';
export { parseDocument, parsePayment } from './parse-rows';
export { readSource } from './read-source';
export { documentHash, paymentHash } from './row-hash';
export type {
  ImportFailure,
  ImportKind,
  ImportOptions,
  ImportSummary,
  RowError,
  RowSource,
  SourceRow,
} from './source';
