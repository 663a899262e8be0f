import { daysInMonth } from '../calendar/date';
import type { CurrencyCode } from '../money/currency';
import { decimalQuotient } from '../money/round';
import { fail, ok, type Result } from '../result';

/** A calendar month, `YYYY-MM`. */
export type YearMonth = string & { readonly __yearMonth: unique symbol };

export function parseYearMonth(text: string): Result<YearMonth> {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text.trim());
  if (m === null) return fail('invalid_date', { value: text, reason: 'expected YYYY-MM' });
  return ok(text.trim() as YearMonth);
}

/** The month's last day, `YYYY-MM-DD`, and its length in days. */
export function monthEnd(m: YearMonth): { readonly last: string; readonly days: number } {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  const days = daysInMonth(y, mm);
  return { last: `${m}-${String(days).padStart(2, '0')}`, days };
}

export function nextMonth(m: YearMonth): YearMonth {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return (mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`) as YearMonth;
}

/**
 * The seller's own figures for one month, in minor units of one currency: balances at the month's end,
 * flows (sales, cost of sales) over the month. `receivables` absent: taken from the ledger.
 */
export interface WorkingCapitalFigures {
  readonly month: YearMonth;
  readonly currency: CurrencyCode;
  readonly cash: bigint;
  readonly receivables?: bigint;
  readonly inventory: bigint;
  readonly payables: bigint;
  readonly otherCurrentAssets: bigint;
  readonly otherCurrentLiabilities: bigint;
  readonly sales: bigint;
  readonly costOfSales: bigint;
}

/** One month's ratios. Amounts exact; ratios and days as decimal strings rounded once, half up. */
export interface WorkingCapitalMonth {
  readonly month: YearMonth;
  readonly currency: CurrencyCode;
  readonly days: number;
  readonly receivables: bigint;
  readonly receivablesFrom: 'entered' | 'ledger';
  readonly currentAssets: bigint;
  readonly currentLiabilities: bigint;
  /** Current assets − current liabilities. */
  readonly workingCapital: bigint;
  /** Operating need: receivables + inventory − payables. */
  readonly workingCapitalRequirement: bigint;
  /** 2 decimals. */
  readonly currentRatio: string | null;
  readonly quickRatio: string | null;
  readonly cashRatio: string | null;
  /** Days, 1 decimal. */
  readonly dso: string | null;
  readonly dio: string | null;
  readonly dpo: string | null;
  /** DSO + DIO − DPO, from the exact fractions, rounded once; null when any of the three is. */
  readonly cashConversionCycle: string | null;
}

const RATIO_PLACES = 2;
const DAY_PLACES = 1;

/**
 * The working-capital ratios of one month (docs/domain/working-capital.md). `ledgerReceivables` is used
 * when the figures carry none. Nothing passes through a float.
 */
export function workingCapitalMonth(f: WorkingCapitalFigures, ledgerReceivables: bigint): WorkingCapitalMonth {
  const receivables = f.receivables ?? ledgerReceivables;
  const { days } = monthEnd(f.month);
  const d = BigInt(days);
  const currentAssets = f.cash + receivables + f.inventory + f.otherCurrentAssets;
  const currentLiabilities = f.payables + f.otherCurrentLiabilities;
  // CCC = (AR / sales − payables / COGS + inventory / COGS) × days, over one common denominator.
  const ccc =
    f.sales <= 0n || f.costOfSales <= 0n
      ? null
      : decimalQuotient(
          (receivables * f.costOfSales + (f.inventory - f.payables) * f.sales) * d,
          f.sales * f.costOfSales,
          DAY_PLACES,
        );
  return {
    month: f.month,
    currency: f.currency,
    days,
    receivables,
    receivablesFrom: f.receivables === undefined ? 'ledger' : 'entered',
    currentAssets,
    currentLiabilities,
    workingCapital: currentAssets - currentLiabilities,
    workingCapitalRequirement: receivables + f.inventory - f.payables,
    currentRatio: decimalQuotient(currentAssets, currentLiabilities, RATIO_PLACES),
    quickRatio: decimalQuotient(currentAssets - f.inventory, currentLiabilities, RATIO_PLACES),
    cashRatio: decimalQuotient(f.cash, currentLiabilities, RATIO_PLACES),
    dso: decimalQuotient(receivables * d, f.sales, DAY_PLACES),
    dio: decimalQuotient(f.inventory * d, f.costOfSales, DAY_PLACES),
    dpo: decimalQuotient(f.payables * d, f.costOfSales, DAY_PLACES),
    cashConversionCycle: ccc,
  };
}

export type Direction = 'up' | 'down' | 'flat';

/** First to last month of each figure that has both: the change (last − first) and its direction. */
export interface WorkingCapitalTrend {
  readonly figure: string;
  readonly first: string;
  readonly last: string;
  readonly change: string;
  readonly direction: Direction;
}

const TREND_FIGURES = ['currentRatio', 'quickRatio', 'cashRatio', 'dso', 'dio', 'dpo', 'cashConversionCycle'] as const;

/** Decimal strings of the same scale compared and subtracted exactly (as scaled integers). */
function scaled(s: string): { v: bigint; places: number } {
  const [w = '0', f = ''] = s.split('.');
  return { v: BigInt(w + f), places: f.length };
}

export function workingCapitalTrend(months: readonly WorkingCapitalMonth[]): WorkingCapitalTrend[] {
  const out: WorkingCapitalTrend[] = [];
  for (const figure of TREND_FIGURES) {
    const values = months.map((m) => m[figure]).filter((v): v is string => v !== null);
    const first = values[0];
    const last = values[values.length - 1];
    if (first === undefined || last === undefined || values.length < 2) continue;
    const a = scaled(first);
    const b = scaled(last);
    const diff = b.v - a.v;
    const text = decimalQuotient(diff, 10n ** BigInt(a.places), a.places) ?? '0';
    out.push({ figure, first, last, change: text, direction: diff > 0n ? 'up' : diff < 0n ? 'down' : 'flat' });
  }
  return out;
}
