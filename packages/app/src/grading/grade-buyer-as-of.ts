import {
  addDays,
  addMonths,
  type BusinessDate,
  daysOverdue,
  type GbdtModel,
  type Grade,
  type GradeInputs,
  type GradingPolicy,
  gradeBuyer,
} from '@credence/core';
import { buyerNetPosition } from '../entries/buyer-net-position';
import type { LedgerReads } from '../ports';
import { type BuyerPd, scoreBuyer } from '../scoring/score-buyer';
import { weightedDaysLate } from './buyer-behaviour';
import { type CountryRiskTable, countryClass } from './country-risk';

export interface GradeContext {
  readonly model: GbdtModel;
  readonly policy: GradingPolicy;
  readonly countries: CountryRiskTable;
}

/** Everything the grade needs about one buyer as of a date, read from the store. */
async function gradeInputs(
  store: LedgerReads,
  ctx: GradeContext,
  buyerId: string,
  asOf: BusinessDate,
  reasons: number,
): Promise<{ inputs: GradeInputs; financial?: BuyerPd } | undefined> {
  const buyer = await store.getBuyer(buyerId);
  if (buyer === undefined) return undefined;
  const next = addDays(asOf, 1);
  const [financial, d12, d3, net, external] = await Promise.all([
    scoreBuyer(store, ctx.model, buyerId, asOf, reasons),
    weightedDaysLate(store, buyerId, buyer.currency, addMonths(next, -12), asOf),
    weightedDaysLate(store, buyerId, buyer.currency, addMonths(next, -3), asOf),
    buyerNetPosition(store, buyerId, asOf),
    store.externalGradesOf(buyerId),
  ]);
  const latest = (source: 'insurer' | 'bureau') =>
    external.filter((g) => g.source === source && g.date <= asOf).at(-1)?.value;
  const insurer = latest('insurer');
  const bureau = latest('bureau');
  // What is still owed once the buyer's credit notes and unapplied cash are set off (oldest invoices first).
  const oldest = net.items.reduce((m, i) => Math.max(m, daysOverdue(i.dueDate, asOf)), 0);
  const country = countryClass(ctx.countries, buyer.country);
  const inputs: GradeInputs = {
    ...(financial
      ? { financial: { pd: financial.pd, fiscalYear: financial.fiscalYear, missingInputs: financial.missingInputs } }
      : {}),
    ...(d12 !== undefined ? { daysBeyondTerms: { months12: d12, ...(d3 !== undefined ? { months3: d3 } : {}) } } : {}),
    oldestOverdueDays: oldest,
    ...(country !== undefined ? { countryClass: country } : {}),
    ...(buyer.industry !== undefined ? { industry: buyer.industry.toLowerCase() } : {}),
    ...(insurer !== undefined ? { insurerGrade: insurer } : {}),
    ...(bureau !== undefined ? { bureauScore: bureau } : {}),
  };
  return financial ? { inputs, financial } : { inputs };
}

/**
 * A buyer's risk grade as of a date, with its reasons (core `gradeBuyer`); undefined for an unknown buyer.
 * `financial` is the financial PD it started from, with its `reasons` largest model contributions (0: none,
 * and no explanation is computed).
 */
export async function gradeBuyerAsOf(
  store: LedgerReads,
  ctx: GradeContext,
  buyerId: string,
  asOf: BusinessDate,
  reasons = 0,
): Promise<{ inputs: GradeInputs; grade: Grade; financial?: BuyerPd } | undefined> {
  const r = await gradeInputs(store, ctx, buyerId, asOf, reasons);
  return r === undefined ? undefined : { ...r, grade: gradeBuyer(r.inputs, ctx.policy) };
}
