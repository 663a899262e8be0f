import type { ErrorCode, Failure } from '@credence/core';

/** One data row of a file: its number as a spreadsheet shows it (header = row 1) and its cells by header name. */
export interface SourceRow {
  readonly row: number;
  readonly values: Readonly<Record<string, string>>;
}

/** A file opened by a reader: its name (for messages), its header and its data rows, streamed. */
export interface RowSource {
  readonly file: string;
  readonly columns: readonly string[];
  readonly rows: AsyncIterable<SourceRow> | Iterable<SourceRow>;
}

export type ImportKind = 'buyers' | 'invoices' | 'payments' | 'fx-rates' | 'statements' | 'orders' | 'external-grades';

/** Why one row (or the header, row 1) was rejected. `column` is the file's own column name. */
export interface RowError {
  readonly file: string;
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly code: ErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/** What an import did. Counts are entries (rows of the file), except `allocations`. */
export interface ImportSummary {
  readonly kind: ImportKind;
  readonly file: string;
  /** Data rows read. */
  readonly rows: number;
  /** Rows left out by the mapping's `skipIf`. */
  readonly skipped: number;
  readonly created: number;
  /** Buyers whose master data changed (buyers import only). */
  readonly updated: number;
  /** Entries already stored with the same content, or repeated identically in the file. */
  readonly unchanged: number;
  /** Allocation rows written: payments settling documents, credit notes applied to the invoices they name. */
  readonly allocations: number;
}

/** The file was rejected: nothing of it was written. `errors` holds at most `maxErrors` of `errorCount`. */
export interface ImportFailure extends Failure {
  readonly code: 'import_rejected';
  readonly errors: readonly RowError[];
  readonly errorCount: number;
}

export interface ImportOptions {
  /** How many row errors to keep in the failure (all are counted). Default 1000. */
  readonly maxErrors?: number;
  /** Rows per bulk write. Default 20000. */
  readonly chunkSize?: number;
  /** Called every few thousand rows while the file is read. */
  readonly onRow?: (rowsRead: number) => void;
}
