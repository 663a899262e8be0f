import { addDays, addMonths, type BusinessDate, mixSeed, Rng, toEpochDay } from '@credence/core';
import type { Timeline } from './behaviour';
import { type BuyerPlan, planBuyers } from './buyers';
import { monthlyFxRates } from './fx-rates';
import { buyerLedger } from './ledger';
import type { BuyerProfileRow, BuyerRow, FxRateRow, InvoiceRow, LedgerChunk, PaymentRow } from './rows';

export interface CustomSize {
  readonly buyers: number;
  /** Invoices over the whole period (credit notes come on top); default 40 per buyer. */
  readonly invoices?: number;
  /** Length of the period ending on `endDate`; default 24 months. */
  readonly months?: number;
  /** Average invoice in EUR; default 8,000. */
  readonly meanInvoiceEur?: number;
}

export type PortfolioSize = 'small' | 'medium' | 'large' | CustomSize;

export const PORTFOLIO_SIZES: Readonly<Record<'small' | 'medium' | 'large', CustomSize>> = {
  small: { buyers: 30, invoices: 1_500 },
  medium: { buyers: 300, invoices: 12_000 },
  large: { buyers: 3_000, invoices: 150_000 },
};

export interface PortfolioOptions {
  /** Any integer; taken modulo 2^32. */
  readonly seed: number;
  readonly size?: PortfolioSize;
  /** The last day with invoices and payments; the portfolio covers the months before it. */
  readonly endDate: BusinessDate;
}

/** A portfolio whose buyers and FX rates are in memory and whose ledger is produced buyer by buyer. */
export interface PortfolioPlan {
  readonly startDate: BusinessDate;
  readonly endDate: BusinessDate;
  readonly buyers: readonly BuyerRow[];
  readonly profiles: readonly BuyerProfileRow[];
  readonly fxRates: readonly FxRateRow[];
  /** Invoices and payments, one buyer at a time: streamable for a million rows. */
  ledger(): Generator<LedgerChunk>;
}

export interface Portfolio {
  readonly buyers: readonly BuyerRow[];
  readonly documents: readonly InvoiceRow[];
  readonly payments: readonly PaymentRow[];
  readonly fxRates: readonly FxRateRow[];
  readonly profiles: readonly BuyerProfileRow[];
}

function resolveSize(size: PortfolioSize | undefined): Required<CustomSize> {
  const s = typeof size === 'string' ? PORTFOLIO_SIZES[size] : (size ?? PORTFOLIO_SIZES.medium);
  const resolved = {
    buyers: s.buyers,
    invoices: s.invoices ?? s.buyers * 40,
    months: s.months ?? 24,
    meanInvoiceEur: s.meanInvoiceEur ?? 8_000,
  };
  if (!Number.isInteger(resolved.buyers) || resolved.buyers < 1) throw new RangeError('buyers must be ≥ 1');
  if (!Number.isInteger(resolved.invoices) || resolved.invoices < resolved.buyers)
    throw new RangeError('invoices must be an integer ≥ buyers');
  if (!Number.isInteger(resolved.months) || resolved.months < 6) throw new RangeError('months must be ≥ 6');
  return resolved;
}

function timeline(start: BusinessDate, end: BusinessDate): Timeline {
  const e = toEpochDay(end);
  return {
    start: toEpochDay(start),
    end: e,
    turn: toEpochDay(addMonths(end, -9)),
    stop: toEpochDay(addDays(addMonths(end, -5), -10)),
    hold: toEpochDay(addMonths(end, -2)),
  };
}

/** Plans a deterministic portfolio: same options, same rows, on any machine. No clock, no Math.random. */
export function planPortfolio(options: PortfolioOptions): PortfolioPlan {
  const size = resolveSize(options.size);
  const seed = options.seed >>> 0;
  const endDate = options.endDate;
  const startDate = addDays(addMonths(endDate, -size.months), 1);
  const plans: readonly BuyerPlan[] = planBuyers(
    new Rng(mixSeed(seed, 0)),
    size.buyers,
    size.invoices,
    size.meanInvoiceEur,
  );
  const t = timeline(startDate, endDate);
  return {
    startDate,
    endDate,
    buyers: plans.map((p) => p.row),
    profiles: plans.map((p) => ({ buyer_id: p.row.buyer_id, profile: p.profile })),
    fxRates: monthlyFxRates(
      seed,
      plans.map((p) => p.row.currency),
      startDate,
      endDate,
    ),
    *ledger() {
      for (const p of plans) yield buyerLedger(seed, p, t);
    },
  };
}

/** The whole portfolio in memory: fine for the small, medium and large sizes. */
export function generatePortfolio(options: PortfolioOptions): Portfolio {
  const plan = planPortfolio(options);
  const documents: InvoiceRow[] = [];
  const payments: PaymentRow[] = [];
  for (const chunk of plan.ledger()) {
    documents.push(...chunk.documents);
    payments.push(...chunk.payments);
  }
  return { buyers: plan.buyers, documents, payments, fxRates: plan.fxRates, profiles: plan.profiles };
}
