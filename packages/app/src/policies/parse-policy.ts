import {
  type CheckPolicy,
  type DunningPolicy,
  fail,
  type GradingPolicy,
  type LimitPolicy,
  ok,
  parseCheckPolicy,
  parseDunningPolicy,
  parseGradingPolicy,
  parseLimitPolicy,
  type Result,
} from '@credence/core';
import type { MatchPolicy } from '@credence/core/cash-matching';
import type { AlertPolicy } from '@credence/core/monitoring';
import type { PolicyKind } from './ports';

/** Each kind's policy, as core's parser gives it. */
export interface PolicyOf {
  readonly grading: GradingPolicy;
  readonly limit: LimitPolicy;
  readonly check: CheckPolicy;
  readonly dunning: DunningPolicy;
  /** The cash-matching policy (thresholds, tolerances, weights): docs/domain/cash-application.md. */
  readonly cash: MatchPolicy;
  /** The alert rules (docs/domain/monitoring.md). */
  readonly alerts: AlertPolicy;
}

// Loaded when a cash policy is read: its schema brings zod, which a CLI command must not load at start.
const parseCashPolicy = async (json: unknown): Promise<Result<MatchPolicy>> => {
  const { parseMatchPolicy } = await import('@credence/core/cash-matching');
  const r = parseMatchPolicy(json);
  return r.ok ? ok(r.value) : fail('invalid_field', { field: 'policy', reason: r.problems.join('; ') });
};

// Loaded when an alert policy is read: its schema brings zod too.
const parseAlerts = async (json: unknown): Promise<Result<AlertPolicy>> =>
  (await import('@credence/core/monitoring')).parseAlertPolicy(json);

const PARSERS: {
  readonly [K in PolicyKind]: (json: unknown) => Result<PolicyOf[K]> | Promise<Result<PolicyOf[K]>>;
} = {
  grading: parseGradingPolicy,
  limit: parseLimitPolicy,
  check: parseCheckPolicy,
  dunning: parseDunningPolicy,
  cash: parseCashPolicy,
  alerts: parseAlerts,
};

/** Checks a policy's JSON with the parser the shipped file is read with (the same rules, the same errors). */
export const parsePolicy = async <K extends PolicyKind>(kind: K, json: unknown): Promise<Result<PolicyOf[K]>> =>
  (await PARSERS[kind](json)) as Result<PolicyOf[K]>;
