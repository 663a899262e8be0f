import type { BusinessDate } from '@credence/core';

/**
 * What happened to a buyer's account statement of a closing date (migration 084, append-only): `sent` (once per
 * buyer and date, with the delivery's outcome in `detail`), `confirmed` by the buyer (once), or one line
 * `disputed` (once per document, with the buyer's note).
 */
export interface StatementRecord {
  readonly buyerId: string;
  /** The statement's closing date (a month's last day for the monthly statements). */
  readonly asOf: BusinessDate;
  readonly kind: 'sent' | 'confirmed' | 'disputed';
  /** The disputed document. */
  readonly document?: string;
  /** The buyer's note on a dispute. */
  readonly note?: string;
  /** A sending's outcome: the channel and where it went. */
  readonly detail?: string;
  readonly by: string;
  readonly recordedOn: BusinessDate;
}

export interface StatementRecordReads {
  /** The records of one buyer's statements closing between the dates (inclusive), in recording order. */
  statementRecords(buyerId: string, from: BusinessDate, asOf: BusinessDate): Promise<StatementRecord[]>;
}

export interface StatementRecordWrites {
  /** Records; false when the same kind (and document) is already recorded for the buyer and date. */
  insertStatementRecord(r: StatementRecord): Promise<boolean>;
}
