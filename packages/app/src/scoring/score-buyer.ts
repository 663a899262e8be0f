import { type BusinessDate, type FinancialStatement, type GbdtModel, polishInputs } from '@credence/core';
import type { LedgerReads } from '../ports';
import { type Reason, topReasons } from './score-rows';

/** The latest statement known as of a date (its period ended by then) and the year before it. */
export function latestStatements(
  all: readonly FinancialStatement[],
  asOf: BusinessDate,
): { latest?: FinancialStatement; prior?: FinancialStatement } {
  const known = all.filter((s) => s.periodEnd <= asOf).sort((a, b) => a.fiscalYear - b.fiscalYear);
  const latest = known[known.length - 1];
  if (latest === undefined) return {};
  const prior = known.find((s) => s.fiscalYear === latest.fiscalYear - 1);
  return prior === undefined ? { latest } : { latest, prior };
}

export interface BuyerPd {
  readonly fiscalYear: number;
  readonly pd: number;
  readonly reasons: readonly Reason[];
  /** Model inputs the statements could not give (scored as missing). */
  readonly missingInputs: number;
}

/**
 * A buyer's financial PD as of a date: its latest statements mapped to the model's inputs (the Polish
 * ratios, `polishInputs`), scored with reasons. Undefined when no statement had ended by then.
 */
export async function scoreBuyer(
  store: Pick<LedgerReads, 'statementsOf'>,
  model: GbdtModel,
  buyerId: string,
  asOf: BusinessDate,
  top = 3,
): Promise<BuyerPd | undefined> {
  const { latest, prior } = latestStatements(await store.statementsOf(buyerId), asOf);
  if (latest === undefined) return undefined;
  const inputs = polishInputs(latest, prior);
  const x = model.features.map((f) => inputs[f] ?? Number.NaN);
  const { pd, reasons } = topReasons(model, x, top);
  return { fiscalYear: latest.fiscalYear, pd, reasons, missingInputs: x.filter((v) => Number.isNaN(v)).length };
}
