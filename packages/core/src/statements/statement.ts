import type { BusinessDate } from '../calendar';
import type { CurrencyCode } from '../money';

/** The balance-sheet and income-statement lines Credence reads (amounts in minor units of the currency). */
export const STATEMENT_LINES = [
  'cash',
  'shortTermSecurities',
  'receivables',
  'inventory',
  'currentAssets',
  'fixedAssets',
  'totalAssets',
  'shortTermLiabilities',
  'longTermLiabilities',
  'tradePayables',
  'equity',
  'shareCapital',
  'retainedEarnings',
  'sales',
  'costOfGoodsSold',
  'grossProfit',
  'operatingProfit',
  'depreciation',
  'interestExpense',
  'netProfit',
] as const;

export type StatementLine = (typeof STATEMENT_LINES)[number];

/** One buyer's financial statements for one fiscal year; a line not reported is absent, never zero. */
export interface FinancialStatement {
  readonly buyerId: string;
  readonly fiscalYear: number;
  /** Balance-sheet date (end of the fiscal year). */
  readonly periodEnd: BusinessDate;
  readonly currency: CurrencyCode;
  readonly lines: Readonly<Partial<Record<StatementLine, bigint>>>;
}

/**
 * Working capital (current assets − short-term liabilities) exactly, in minor units of the statement's currency;
 * undefined when either line is not reported. The ratio table's `workingCapital` is the same figure as a number,
 * for display; money decisions (the limit recommendation) use this one.
 */
export function workingCapitalOf(s: FinancialStatement): bigint | undefined {
  const { currentAssets, shortTermLiabilities } = s.lines;
  return currentAssets === undefined || shortTermLiabilities === undefined
    ? undefined
    : currentAssets - shortTermLiabilities;
}
