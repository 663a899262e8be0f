import {
  addDays,
  addMonths,
  type BehaviourSums,
  type BusinessDate,
  type Buyer,
  daysOverdue,
  type FinancialStatement,
  type Grade,
  type GradeInputs,
  gradeBuyer,
  polishInputs,
} from '@credence/core';
import type { MonitoringReads } from '../monitoring/ports';
import type { LedgerReads, RecordedGrade } from '../ports';
import { netPortfolio } from '../reports/net-portfolio';
import { latestStatements } from '../scoring/score-buyer';
import { topReasons } from '../scoring/score-rows';
import { countryClass } from './country-risk';
import type { GradeContext } from './grade-buyer-as-of';

/** One buyer's grade as of the date, and the grade recorded for it last before the date (if any). */
export interface PortfolioGrade {
  readonly buyer: Buyer;
  readonly grade: Grade;
  readonly before?: RecordedGrade;
  /** The grade recorded on or before the date, latest first (the date's own, if recorded). */
  readonly latest?: RecordedGrade;
}

const groupBy = <T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list === undefined) m.set(k, [x]);
    else list.push(x);
  }
  return m;
};

/** Weighted days beyond terms of a buyer's settlements (its own currency when it has any), as `weightedDaysLate`. */
function weighted(rows: readonly BehaviourSums[] | undefined, currency: string): number | undefined {
  if (rows === undefined) return undefined;
  const own = rows.filter((r) => r.currency === currency);
  const used = own.length > 0 ? own : rows;
  const amount = used.reduce((s, r) => s + r.settledAmount, 0n);
  const late = used.reduce((s, r) => s + r.amountTimesDaysLate, 0n);
  return amount > 0n ? Number(late) / Number(amount) : undefined;
}

/**
 * Every buyer's grade as of a date in a fixed number of queries whatever the number of buyers (issue 14): the
 * buyers, their statements, two behaviour windows, the net positions, and the monitoring facts (the latest recorded
 * grades and external grades). Each grade is the one `gradeBuyerAsOf` gives the buyer (the same inputs, read
 * for all at once).
 */
export async function gradePortfolio(
  store: Pick<LedgerReads, 'listBuyers' | 'statementsUpTo' | 'portfolioPositions' | 'monitoringFacts'> &
    Pick<MonitoringReads, 'behaviourWindows'>,
  ctx: GradeContext,
  asOf: BusinessDate,
): Promise<PortfolioGrade[]> {
  const next = addDays(asOf, 1);
  const [buyers, statements, [w12, w3], positions, facts] = await Promise.all([
    store.listBuyers(),
    store.statementsUpTo(asOf),
    // The last 12 and 3 months' behaviour in one read.
    store.behaviourWindows([
      { from: addMonths(next, -12), to: asOf },
      { from: addMonths(next, -3), to: asOf },
    ]),
    netPortfolio(store, asOf),
    store.monitoringFacts(asOf),
  ]);
  const statementsOf = groupBy<FinancialStatement>(statements, (s) => s.buyerId);
  const [d12Of, d3Of] = [groupBy(w12?.sums ?? [], (r) => r.buyerId), groupBy(w3?.sums ?? [], (r) => r.buyerId)];
  const itemsOf = new Map(positions.map((p) => [p.buyerId, p.items]));
  const gradesOf = groupBy(facts.grades, (g) => g.buyerId);
  const externalOf = groupBy(facts.externalGrades, (g) => `${g.buyerId}|${g.source}`);
  const out: PortfolioGrade[] = [];
  for (const buyer of buyers) {
    const { latest: statement, prior } = latestStatements(statementsOf.get(buyer.id) ?? [], asOf);
    let financial: GradeInputs['financial'];
    if (statement !== undefined) {
      const inputs = polishInputs(statement, prior);
      const x = ctx.model.features.map((f) => inputs[f] ?? Number.NaN);
      const { pd } = topReasons(ctx.model, x, 0);
      financial = { pd, fiscalYear: statement.fiscalYear, missingInputs: x.filter((v) => Number.isNaN(v)).length };
    }
    const m12 = weighted(d12Of.get(buyer.id), buyer.currency);
    const m3 = weighted(d3Of.get(buyer.id), buyer.currency);
    const oldest = (itemsOf.get(buyer.id) ?? []).reduce((m, i) => Math.max(m, daysOverdue(i.dueDate, asOf)), 0);
    const country = countryClass(ctx.countries, buyer.country);
    const insurer = externalOf.get(`${buyer.id}|insurer`)?.at(-1)?.value;
    const bureau = externalOf.get(`${buyer.id}|bureau`)?.at(-1)?.value;
    const inputs: GradeInputs = {
      ...(financial ? { financial } : {}),
      ...(m12 !== undefined
        ? { daysBeyondTerms: { months12: m12, ...(m3 !== undefined ? { months3: m3 } : {}) } }
        : {}),
      oldestOverdueDays: oldest,
      ...(country !== undefined ? { countryClass: country } : {}),
      ...(buyer.industry !== undefined ? { industry: buyer.industry.toLowerCase() } : {}),
      ...(insurer !== undefined ? { insurerGrade: insurer } : {}),
      ...(bureau !== undefined ? { bureauScore: bureau } : {}),
    };
    const recorded = gradesOf.get(buyer.id) ?? [];
    const before = recorded.filter((g) => g.asOf < asOf).at(-1);
    const latest = recorded.at(-1);
    out.push({
      buyer,
      grade: gradeBuyer(inputs, ctx.policy),
      ...(before !== undefined ? { before } : {}),
      ...(latest !== undefined ? { latest } : {}),
    });
  }
  return out;
}
