import type { BusinessDate } from '../calendar';
import type { CurrencyCode } from '../money';

type Tier = 'low' | 'medium' | 'high';

/** A recorded grade as monitoring reads it. */
export interface GradePoint {
  readonly grade: number;
  readonly pd: number;
  readonly tier: Tier;
  readonly asOf: BusinessDate;
}

/** Payment behaviour over a window: settlements, weighted days beyond terms, the share of them paid late. */
export interface PaymentWindow {
  readonly settlements: number;
  /** Amount-weighted days beyond terms (DBT). */
  readonly dbt: number;
  /** Late settlements in per cent of all (0 … 100). */
  readonly lateShare: number;
  /** Partial payments in per cent of settlements (absent: not recorded). */
  readonly partialShare?: number;
}

/**
 * One buyer's state as of a date, everything monitoring needs and nothing else (the app reads it for the whole
 * portfolio at once). Money is in `currency`: the limit's currency, else the buyer's.
 */
export interface MonitoredBuyer {
  readonly buyerId: string;
  readonly country: string;
  readonly groupId?: string;
  readonly currency: CurrencyCode;
  /** The latest grade recorded on or before the date, and the one before it. */
  readonly grade?: GradePoint;
  readonly previousGrade?: GradePoint;
  /** Net receivables (items less credits), in `currency`. */
  readonly exposure: bigint;
  /** The same in the portfolio's base currency (concentration). */
  readonly baseExposure: bigint;
  readonly limit?: {
    readonly amount: bigint;
    readonly kind: 'approved' | 'temporary';
    readonly expiresOn?: BusinessDate;
  };
  /** A temporary limit ended with no approval to fall back on. */
  readonly limitExpired?: { readonly amount: bigint; readonly expiredOn: BusinessDate };
  /** Overdue open items (due before the date), in `currency`. */
  readonly overdueItems: readonly { readonly number: string; readonly dueDate: BusinessDate; readonly open: bigint }[];
  /** The last window (e.g. 90 days) and the trailing one before it (the buyer's own baseline). */
  readonly recent?: PaymentWindow;
  readonly trailing?: PaymentWindow;
  readonly promisesBroken: readonly { readonly id: string; readonly on: BusinessDate }[];
  readonly plansBroken: readonly { readonly id: string; readonly on: BusinessDate }[];
  /** Disputes opened on or before the date and not resolved by then, with the open amount of their documents. */
  readonly disputes: readonly { readonly id: string; readonly openedOn: BusinessDate; readonly amount: bigint }[];
  /** Per source, the latest external grade on or before the date and the one before it (1 best … 10 worst). */
  readonly external: readonly {
    readonly source: 'insurer' | 'bureau';
    readonly value: number;
    readonly date: BusinessDate;
    readonly previous?: number;
  }[];
  /**
   * The insurer's limit now (0 when withdrawn) and before, in the insurance policy's currency, with the date of its
   * latest decision (absent: no credit insurance decision recorded, or only one).
   */
  readonly insurerLimit?: {
    readonly amount: bigint;
    readonly previous: bigint;
    readonly currency: CurrencyCode;
    readonly on: BusinessDate;
  };
  /** Securities in force on the date (guarantees, letters of credit) with their expiry. */
  readonly securities?: readonly {
    readonly id: string;
    readonly kind: string;
    readonly expiresOn: BusinessDate;
    readonly amount: bigint;
    readonly currency: CurrencyCode;
  }[];
  /** The country's risk class now and before (absent: no dated country table). */
  readonly countryRisk?: { readonly value: number; readonly previous: number };
  /** The review plan: due by the buyer's tier and the date it was due. */
  readonly review?: { readonly due: boolean; readonly nextReview: BusinessDate };
}

export interface PortfolioState {
  readonly asOf: BusinessDate;
  /** The base currency of `baseExposure`. */
  readonly baseCurrency: CurrencyCode;
  readonly buyers: readonly MonitoredBuyer[];
}
