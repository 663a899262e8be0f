import {
  type CheckPolicy,
  type DunningPolicy,
  type GradingPolicy,
  type LimitPolicy,
  parseCheckPolicy,
  parseDunningPolicy,
  parseGradingPolicy,
  parseLimitPolicy,
  type Result,
} from '@credence/core';
import type { PolicyKind } from './ports';

/** Each kind's policy, as core's parser gives it. */
export interface PolicyOf {
  readonly grading: GradingPolicy;
  readonly limit: LimitPolicy;
  readonly check: CheckPolicy;
  readonly dunning: DunningPolicy;
}

const PARSERS: { readonly [K in PolicyKind]: (json: unknown) => Result<PolicyOf[K]> } = {
  grading: parseGradingPolicy,
  limit: parseLimitPolicy,
  check: parseCheckPolicy,
  dunning: parseDunningPolicy,
};

/** Checks a policy's JSON with the parser the shipped file is read with (the same rules, the same errors). */
export const parsePolicy = <K extends PolicyKind>(kind: K, json: unknown): Result<PolicyOf[K]> =>
  PARSERS[kind](json) as Result<PolicyOf[K]>;
