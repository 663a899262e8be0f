import { addDays, addMonths, type BusinessDate } from '../calendar/date';
import type { CurrencyCode } from '../money/currency';
import { fail, ok, type Result } from '../result';
import { DEFAULT_SIM_LOSS_RATES, type SimFigures, simFigures, simWeeks } from './figures';
import { type ReplayedInvoice, replay, type SimBuyer, type SimInvoice } from './replay';
import { type Scenario, scenarioLimits } from './scenario';

export interface Simulation {
  readonly asOf: BusinessDate;
  readonly from: BusinessDate;
  readonly currency: CurrencyCode;
  readonly seed: number;
  readonly base: SimFigures;
  readonly scenario: SimFigures;
  readonly weeks: readonly {
    readonly from: BusinessDate;
    readonly to: BusinessDate;
    readonly base: bigint;
    readonly scenario: bigint;
  }[];
  /** Invoices whose due or paid date moved, that responded to the earlier dunning step, or were refused or defaulted. */
  readonly changed: {
    readonly dueMoved: number;
    readonly paidMoved: number;
    readonly responded: number;
    readonly refused: number;
    readonly defaulted: number;
  };
  readonly invoices: readonly ReplayedInvoice[];
}

const EMPTY: Scenario = { seed: 0, weeks: 13, terms: [], limits: [], defaults: [] };

/**
 * The base case (the history as it was) and the scenario's replay, with their DSO, overdue %, expected loss and
 * cash per week (docs/domain/simulator.md). Pure and deterministic: the same inputs and seed, the same figures.
 */
export function simulate(
  invoices: readonly SimInvoice[],
  currency: CurrencyCode,
  buyers: readonly SimBuyer[],
  scenario: Scenario,
  asOf: BusinessDate,
): Result<Simulation> {
  const from = scenario.from ?? addMonths(addDays(asOf, 1), -3);
  if (from > asOf) return fail('invalid_argument', { from, asOf, reason: 'from_after_as_of' });
  const limits = scenarioLimits(scenario, currency);
  if (!limits.ok) return limits;
  const byId = new Map(buyers.map((b) => [b.buyerId, b]));
  const history = invoices.filter((i) => i.issueDate <= asOf);
  const rates = scenario.lossRates ?? DEFAULT_SIM_LOSS_RATES;
  const baseRun = replay(history, byId, { ...EMPTY, weeks: scenario.weeks }, [], asOf);
  const simRun = replay(history, byId, scenario, limits.value, asOf);
  const base = simFigures(baseRun, currency, from, asOf, rates);
  if (!base.ok) return base;
  const sim = simFigures(simRun, currency, from, asOf, rates);
  if (!sim.ok) return sim;
  const bw = simWeeks(baseRun, asOf, scenario.weeks);
  const sw = simWeeks(simRun, asOf, scenario.weeks);
  return ok({
    asOf,
    from,
    currency,
    seed: scenario.seed,
    base: base.value,
    scenario: sim.value,
    weeks: bw.map((w, i) => ({ from: w.from, to: w.to, base: w.collected, scenario: sw[i]?.collected ?? 0n })),
    changed: {
      dueMoved: simRun.filter((x) => x.dueDate !== x.baseDueDate).length,
      paidMoved: simRun.filter((x) => x.refused === undefined && x.settledOn !== x.baseSettledOn).length,
      responded: simRun.filter((x) => x.responded).length,
      refused: simRun.filter((x) => x.refused !== undefined).length,
      defaulted: simRun.filter((x) => x.defaulted).length,
    },
    invoices: simRun,
  });
}
