import { join } from 'node:path';
import {
  buyersOverLimit,
  type GradeContext,
  type GradeRun,
  type ImportSummary,
  importRows,
  recommendPortfolioLimits,
  runGrades,
  type Store,
  setLimits,
} from '@credence/app';
import {
  addDays,
  addMonths,
  type BusinessDate,
  type CheckPolicy,
  type CurrencyCode,
  exponentOf,
  type LimitPolicy,
} from '@credence/core';
import { openRows } from '@credence/files';
import type { PortfolioPlan } from '../portfolio';
import type { BehaviourProfile } from '../rows';
import { demoStatementRows, STATEMENT_COLUMNS } from '../statements';
import { CsvFileWriter } from './write-csv';

/** A buyer whose exposure is over its limit (limit 0: cash in advance). */
export interface OverLimit {
  readonly buyerId: string;
  readonly name: string;
  readonly grade: number | undefined;
  readonly currency: CurrencyCode;
  readonly limit: bigint;
  readonly exposure: bigint;
}

export interface CreditTour {
  /** The statements file, imported as a user's file is. */
  readonly statements: ImportSummary;
  readonly grades: GradeRun;
  /** The date the limits were set (three months before the demo's date). */
  readonly limitFrom: BusinessDate;
  /** Buyers with a limit, furthest over it first; then those with none (cash in advance), largest exposure first. */
  readonly over: readonly OverLimit[];
}

export interface CreditTourInput {
  readonly plan: PortfolioPlan;
  readonly seed: number;
  readonly asOf: BusinessDate;
  readonly csvDir: string;
  readonly grading: GradeContext;
  readonly limits: LimitPolicy;
  readonly check: CheckPolicy;
}

/** Each buyer's purchases of the last twelve months in its own currency, as a number (the statements' scale). */
async function purchases(store: Store, plan: PortfolioPlan, asOf: BusinessDate): Promise<Map<string, number>> {
  const from = addMonths(addDays(asOf, 1), -12);
  // Every buyer's sales in one read (not one per buyer).
  const sales = new Map((await store.salesByBuyer(from, asOf)).map((s) => [`${s.buyerId}|${s.currency}`, s.amount]));
  const out = new Map<string, number>();
  for (const b of plan.buyers) {
    const own = sales.get(`${b.buyer_id}|${b.currency}`) ?? 0n;
    out.set(b.buyer_id, Number(own) / 10 ** exponentOf(b.currency as CurrencyCode));
  }
  return out;
}

/**
 * The credit half of the demo: financial statements for every buyer (written to `statements.csv` and imported like
 * a user's file), a grade run, a limit per buyer set three months before the date at its recommended amount, and
 * the buyers whose exposure is over their limit.
 */
export async function creditTour(store: Store, x: CreditTourInput): Promise<CreditTour> {
  const { plan, asOf } = x;
  const profiles = new Map<string, BehaviourProfile>(plan.profiles.map((p) => [p.buyer_id, p.profile]));
  const file = join(x.csvDir, 'statements.csv');
  const w = new CsvFileWriter(file, STATEMENT_COLUMNS);
  const bought = await purchases(store, plan, asOf);
  for (const row of demoStatementRows(plan.buyers, profiles, bought, x.seed, asOf)) w.write(row);
  w.close();
  const imported = await importRows(store, 'statements', await openRows(file), undefined, {});
  if (!imported.ok) throw new Error(`demo statements rejected: ${JSON.stringify(imported.error.errors.slice(0, 3))}`);

  const ctx = { ...x.grading, limits: x.limits };
  const grades = await runGrades(store, ctx, asOf);
  const limitFrom = addMonths(asOf, -3);
  // Every buyer's recommended limit read at once (grades, sales, statements for the whole portfolio).
  const advised = new Map(
    (await recommendPortfolioLimits(store, ctx, limitFrom)).map((l) => [l.buyer.id, l.recommendation]),
  );
  // Every buyer's limit at once: one statement per 500 buyers, not a transaction each.
  const set = await setLimits(
    store,
    plan.buyers.flatMap((b) => {
      const r = advised.get(b.buyer_id);
      if (!r) return [];
      const reason = `recommended on ${limitFrom} (${r.decidedBy})`;
      return [
        { buyerId: b.buyer_id, amount: r.amount, currency: r.currency, validFrom: limitFrom, by: 'demo', reason },
      ];
    }),
    limitFrom,
  );
  if (!set.ok) throw new Error(`demo limits rejected: ${JSON.stringify(set.error)}`);
  return { statements: imported.value, grades, limitFrom, over: await overLimit(store, x) };
}

/**
 * The buyers over their limit, from the portfolio's net positions and limits read at once (`buyersOverLimit`):
 * the exposure the credit check counts for an order of nothing, as the demo has no orders and no securities yet.
 */
async function overLimit(store: Store, { plan, asOf }: CreditTourInput): Promise<OverLimit[]> {
  const [all, graded] = await Promise.all([
    buyersOverLimit(store, { asOf, limit: plan.buyers.length }),
    store.gradesOn(asOf),
  ]);
  if (!all.ok) throw new Error(`demo over-limit list: ${JSON.stringify(all.error)}`);
  const grades = new Map(graded.map((g) => [g.buyerId, g.grade.grade]));
  const over: OverLimit[] = all.value.buyers.map((b) => ({
    buyerId: b.buyerId,
    name: b.name,
    grade: grades.get(b.buyerId),
    currency: b.currency,
    limit: b.limit,
    exposure: b.exposure,
  }));
  const ratio = (o: OverLimit) => (o.limit === 0n ? -Number(o.exposure) : Number(o.exposure) / Number(o.limit));
  return over.sort(
    (a, b) => Number(b.limit > 0n) - Number(a.limit > 0n) || ratio(b) - ratio(a) || (a.buyerId < b.buyerId ? -1 : 1),
  );
}
