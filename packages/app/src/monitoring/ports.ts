import type { BehaviourSums, BusinessDate, ExternalGrade, GradeOverrideEvent, HoldEvent } from '@credence/core';
import type { Alert, AlertState, CountryRiskClass } from '@credence/core/monitoring';
import type { RecordedGrade } from '../ports';

/**
 * What monitoring reads beside the portfolio reads it shares with the reports, for every buyer at once (a
 * fixed number of queries whatever the number of buyers).
 */
export interface MonitoringFacts {
  /** Per buyer, its two latest grades recorded on or before the date (oldest first). */
  readonly grades: readonly RecordedGrade[];
  /** Every hold and release recorded on or before the date, by buyer and id. */
  readonly holds: readonly HoldEvent[];
  /** Per buyer and source, its two latest external grades dated on or before the date (oldest first). */
  readonly externalGrades: readonly ExternalGrade[];
  /** Per buyer, the issue date of its first invoice. */
  readonly firstInvoices: readonly { readonly buyerId: string; readonly on: BusinessDate }[];
  /** Per buyer, the date of its last credit decision (a limit approved, rejected, set) recorded by then. */
  readonly lastDecisions: readonly { readonly buyerId: string; readonly on: BusinessDate }[];
  /** Every grade override and removal recorded on or before the date (the grade in force is the override's). */
  readonly overrides: readonly GradeOverrideEvent[];
}

export interface AlertQuery {
  readonly states?: readonly AlertState[];
  readonly keys?: readonly string[];
  readonly buyerId?: string;
}

/** One digest e-mailed to a person for a date (migration 067): which alerts, and what became of it. */
export interface AlertDigestRecord {
  readonly recipient: string;
  readonly date: BusinessDate;
  readonly email: string;
  readonly language: 'en' | 'zh-CN' | 'zh-TW';
  readonly alertKeys: readonly string[];
  /** `sending` while it is handed to the courier (left so by a crash: tried again). */
  readonly status: 'sending' | 'sent' | 'failed';
  readonly detail: string;
}

/** A buyer's invoice settlements in a window and how many of them were partial payments. */
export interface PartialSettlements {
  readonly buyerId: string;
  readonly settlements: number;
  readonly partial: number;
}

/** Settlements paid in [from, to]. */
export interface SettlementWindow {
  readonly from: BusinessDate;
  readonly to: BusinessDate;
}

/** One window's payment behaviour: `behaviourSums(from, to)` and `partialSettlements(from, to)`, row for row. */
export interface WindowBehaviour {
  readonly sums: readonly BehaviourSums[];
  readonly partial: readonly PartialSettlements[];
}

/** A country's risk class in force on a date and on the start of the look-back window (absent: none then). */
export interface CountryRiskPair {
  readonly country: string;
  readonly value: number;
  readonly previous?: number;
}

export interface MonitoringReads {
  /** For every country a buyer is in, its class in force on `asOf` and on `since` (one query; none: no row). */
  countryRisks(asOf: BusinessDate, since: BusinessDate): Promise<CountryRiskPair[]>;
  /** Per buyer, its settlements paid in [from, asOf] and the partial ones (one query for every buyer). */
  partialSettlements(from: BusinessDate, asOf: BusinessDate): Promise<PartialSettlements[]>;
  /**
   * The payment behaviour of several windows read in one pass over the ledger (one query, whatever the number of
   * windows and buyers): for each window, what `behaviourSums` and `partialSettlements` return for it.
   */
  behaviourWindows(windows: readonly SettlementWindow[]): Promise<WindowBehaviour[]>;
  /** The digests recorded for a date, by recipient. */
  alertDigests(date: BusinessDate): Promise<AlertDigestRecord[]>;
  monitoringFacts(asOf: BusinessDate): Promise<MonitoringFacts>;
  /** Recorded alerts matching the query (all when empty), by key. */
  alerts(q: AlertQuery): Promise<Alert[]>;
}

export interface MonitoringWrites {
  /** Records country risk classes (same country and date: replaced); returns those new or changed. */
  putCountryRiskClasses(rows: readonly CountryRiskClass[]): Promise<CountryRiskClass[]>;
  /** Records a digest, replacing the one of the same recipient and date. */
  saveAlertDigest(d: AlertDigestRecord): Promise<void>;
  /** Inserts alerts, replacing the one stored under the same key. */
  saveAlerts(alerts: readonly Alert[]): Promise<void>;
  /** Appends credit holds and releases in one statement (as `appendHold` each, audited each). */
  appendHolds(events: readonly Omit<HoldEvent, 'id'>[]): Promise<void>;
}
