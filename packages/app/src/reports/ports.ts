import type { BusinessDate, LimitEvent, OpenItem } from '@credence/core';
import type { UnappliedPayment } from '../ports';

/** Which buyers a portfolio read covers (all when empty): one buyer, a country, a recorded grade. */
export interface PortfolioFilter {
  readonly buyerId?: string;
  readonly country?: string;
  /** The buyer's latest grade recorded on or before the date (`grade run`). */
  readonly grade?: number;
}

/** One buyer of the portfolio as of a date: who it is, its open items and its unapplied payments. */
export interface PortfolioBuyer {
  readonly buyerId: string;
  readonly name: string;
  readonly country: string;
  /** The latest grade recorded on or before the date, and its tier; none when never graded by then. */
  readonly grade?: number;
  readonly tier?: string;
  /** Open items (open ≠ 0), by due date, issue date and number, as `buyerOpenItems`. */
  readonly items: readonly OpenItem[];
  /** Payments with cash not applied, by date and id, as `unappliedPayments`. */
  readonly payments: readonly UnappliedPayment[];
}

export interface PortfolioReads {
  /**
   * Every buyer matching the filter with an open item as of the date, in two queries for the whole portfolio
   * (the dashboard's exposure, over-limit and documents reads): by buyer id.
   */
  portfolioPositions(asOf: BusinessDate, filter: PortfolioFilter): Promise<PortfolioBuyer[]>;
  /** Every buyer's approval and temporary-limit events valid from on or before the date, by buyer and id. */
  limitEventsUpTo(asOf: BusinessDate): Promise<LimitEvent[]>;
  /** Every graded buyer's latest grade recorded on or before the date, and its tier, by buyer id. */
  latestGrades(asOf: BusinessDate): Promise<{ buyerId: string; grade: number; tier: string }[]>;
}
