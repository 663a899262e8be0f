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
import type { LedgerReads } from '../ports';
import { scoreBuyer } from '../scoring/score-buyer';
import { type CountryRiskTable, countryClass } from './country-risk';

export interface GradeContext {
  readonly model: GbdtModel;
  readonly policy: GradingPolicy;
  readonly countries: CountryRiskTable;
}

/** Weighted days beyond terms of the buyer's settlements in [from, asOf], in its own currency when it has any. */
async function daysBeyondTerms(
  store: LedgerReads,
  buyerId: string,
  currency: string,
  from: BusinessDate,
  asOf: BusinessDate,
): Promise<number | undefined> {
  const rows = (await store.behaviourSums(from, asOf, buyerId)).filter((r) => r.buyerId === buyerId);
  const own = rows.filter((r) => r.currency === currency);
  const used = own.length > 0 ? own : rows;
  const amount = used.reduce((s, r) => s + r.settledAmount, 0n);
  if (amount <= 0n) return undefined;
  return Number(used.reduce((s, r) => s + r.amountTimesDaysLate, 0n)) / Number(amount);
}

/** Everything the grade needs about one buyer as of a date, read from the store. */
export async function gradeInputs(
  store: LedgerReads,
  ctx: GradeContext,
  buyerId: string,
  asOf: BusinessDate,
): Promise<GradeInputs | undefined> {
  const buyer = await store.getBuyer(buyerId);
  if (buyer === undefined) return undefined;
  const next = addDays(asOf, 1);
  const [financial, d12, d3, items, external] = await Promise.all([
    scoreBuyer(store, ctx.model, buyerId, asOf, 0),
    daysBeyondTerms(store, buyerId, buyer.currency, addMonths(next, -12), asOf),
    daysBeyondTerms(store, buyerId, buyer.currency, addMonths(next, -3), asOf),
    store.buyerOpenItems(buyerId, asOf),
    store.externalGradesOf(buyerId),
  ]);
  const latest = (source: 'insurer' | 'bureau') =>
    external.filter((g) => g.source === source && g.date <= asOf).at(-1)?.value;
  const insurer = latest('insurer');
  const bureau = latest('bureau');
  const oldest = items
    .filter((i) => i.type === 'invoice' && i.open > 0n)
    .reduce((m, i) => Math.max(m, daysOverdue(i.dueDate, asOf)), 0);
  const country = countryClass(ctx.countries, buyer.country);
  return {
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
}

/** A buyer's risk grade as of a date, with its reasons (core `gradeBuyer`); undefined for an unknown buyer. */
export async function gradeBuyerAsOf(
  store: LedgerReads,
  ctx: GradeContext,
  buyerId: string,
  asOf: BusinessDate,
): Promise<{ inputs: GradeInputs; grade: Grade } | undefined> {
  const inputs = await gradeInputs(store, ctx, buyerId, asOf);
  return inputs === undefined ? undefined : { inputs, grade: gradeBuyer(inputs, ctx.policy) };
}
