import type { Rng } from '@credence/core';
import type { BuyerPlan } from './buyers';

/** The epoch days that shape a portfolio's story, all relative to its end date. */
export interface Timeline {
  readonly start: number;
  readonly end: number;
  /** The deteriorating buyer starts paying later from here on. */
  readonly turn: number;
  /** The buyer that stops paying pays nothing from here on (about five months before the end). */
  readonly stop: number;
  /** …and gets no more deliveries after this day (credit hold). */
  readonly hold: number;
}

const gaussianDays = (rng: Rng, mean: number, sd: number): number => Math.round(mean + sd * rng.normal());

/** Days after the due date the buyer pays an invoice due on `due` (negative: early). */
export function paymentDelay(rng: Rng, buyer: BuyerPlan, due: number, t: Timeline): number {
  switch (buyer.profile) {
    case 'on_time': {
      const x = rng.next();
      return x < 0.7 ? rng.int(-5, 3) : x < 0.95 ? rng.int(4, 15) : rng.int(16, 45);
    }
    case 'slow':
      return Math.max(-2, gaussianDays(rng, buyer.lateness, 8));
    case 'chronic_late':
      return Math.max(10, gaussianDays(rng, buyer.lateness, 15));
    case 'deteriorating':
      // On time until the turn, then about twelve more days late for every month since.
      return due < t.turn ? rng.int(-3, 8) : 4 + Math.floor(((due - t.turn) / 30) * 12) + rng.int(0, 10);
    case 'stopped_paying':
    case 'dispute_prone':
      return Math.max(0, gaussianDays(rng, buyer.lateness, 6));
  }
}

/** Share of invoices that get a credit note, and share the buyer never pays (disputed). */
export function disputeRates(buyer: BuyerPlan): { creditNote: number; neverPaid: number } {
  return buyer.profile === 'dispute_prone' ? { creditNote: 0.3, neverPaid: 0.12 } : { creditNote: 0.02, neverPaid: 0 };
}

/** Whether a payment on `day` happens at all (the stopped buyer pays nothing after its stop day). */
export function pays(buyer: BuyerPlan, day: number, t: Timeline): boolean {
  return day <= t.end && !(buyer.profile === 'stopped_paying' && day >= t.stop);
}

/** Regular buyers sometimes pay part of an invoice first, or several invoices in one unnamed transfer. */
export function paymentStyle(rng: Rng, buyer: BuyerPlan): 'full' | 'partial' | 'lump' {
  const regular = buyer.profile === 'on_time' || buyer.profile === 'slow' || buyer.profile === 'chronic_late';
  const x = rng.next();
  if (x < 0.08) return 'partial';
  if (regular && x < 0.2) return 'lump';
  return 'full';
}
