import { readFile } from 'node:fs/promises';
import { type CountryRiskTable, countryRiskTable, type GradeContext } from '@credence/app';
import {
  type CheckPolicy,
  type DunningPolicy,
  type GradingPolicy,
  type LimitPolicy,
  parseCheckPolicy,
  parseDunningPolicy,
  parseGradingPolicy,
  parseLimitPolicy,
  parseRateTables,
  type RateTables,
} from '@credence/core';
import { readJsonConfig } from './config-file';
import { RuntimeError } from './errors';
import { DEFAULT_MODEL, readModelFile } from './model-file';
import { shippedPath } from './paths';

/** The shipped policies (packages/runtime/config): each reader takes another file's path instead. */
export const DEFAULT_POLICY = shippedPath('config/grading-policy.json');
export const DEFAULT_COUNTRY_RISK = shippedPath('config/country-risk/oecd-country-risk-2026-01-30.csv');
export const DEFAULT_LIMIT_POLICY = shippedPath('config/limit-policy.json');
export const DEFAULT_CHECK_POLICY = shippedPath('config/check-policy.json');
export const DEFAULT_DUNNING_POLICY = shippedPath('config/dunning-policy.json');
/** The seeds' collection rhythm, shipped beside the default (docs/domain/dunning.md). */
export const SEEDS_DUNNING_POLICY = shippedPath('config/dunning-policy-seeds.json');
export const DEFAULT_RATES = shippedPath('config/reference-rates.json');

export const readGradingPolicy = (path = DEFAULT_POLICY): Promise<GradingPolicy> =>
  readJsonConfig(path, 'grading policy', parseGradingPolicy);

export const readLimitPolicy = (path = DEFAULT_LIMIT_POLICY): Promise<LimitPolicy> =>
  readJsonConfig(path, 'limit policy', parseLimitPolicy);

export const readCheckPolicy = (path = DEFAULT_CHECK_POLICY): Promise<CheckPolicy> =>
  readJsonConfig(path, 'check policy', parseCheckPolicy);

export const readDunningPolicy = (path = DEFAULT_DUNNING_POLICY): Promise<DunningPolicy> =>
  readJsonConfig(path, 'dunning policy', parseDunningPolicy);

export const readRates = (path = DEFAULT_RATES): Promise<RateTables> =>
  readJsonConfig(path, 'reference rates', parseRateTables, (f) => `bad rate at ${String(f.params.field)}`);

/** The OECD country risk table (a CSV file with columns iso3 and current_classification), the shipped one by default. */
export async function readCountryRisk(path = DEFAULT_COUNTRY_RISK): Promise<CountryRiskTable> {
  let records: Record<string, string>[];
  try {
    const { parse } = await import('csv-parse/sync'); // loaded when used (start-up time)
    records = parse(await readFile(path), { columns: true, bom: true, skip_empty_lines: true });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new RuntimeError('usage', `cannot read the country risk table ${path}: ${why}`);
  }
  const t = countryRiskTable(
    records.map((r) => ({ iso3: r.iso3 ?? '', classification: r.current_classification ?? '' })),
  );
  if (!t.ok)
    throw new RuntimeError('usage', `${path}: bad ${String(t.error.params.field)} "${String(t.error.params.value)}"`);
  return t.value;
}

/** The files a grade reads: the model, the grading policy, the country risk table (each: the shipped one unless given). */
export interface GradePaths {
  readonly model?: string | undefined;
  readonly policy?: string | undefined;
  readonly countryRisk?: string | undefined;
}

/** The model, policy and country table a grade needs (the shipped ones unless paths are given). */
export async function gradeContext(paths: GradePaths = {}): Promise<GradeContext> {
  const [model, policy, countries] = await Promise.all([
    readModelFile(paths.model ?? DEFAULT_MODEL),
    readGradingPolicy(paths.policy),
    readCountryRisk(paths.countryRisk),
  ]);
  return { model, policy, countries };
}

/** Every policy, read once (a long-running server's start): what a grade, a limit, an order check and dunning need. */
export interface Policies {
  readonly grading: GradeContext;
  readonly limit: LimitPolicy;
  readonly check: CheckPolicy;
  readonly dunning: DunningPolicy;
  readonly rates: RateTables;
}

export interface PolicyPaths extends GradePaths {
  readonly limitPolicy?: string | undefined;
  readonly checkPolicy?: string | undefined;
  readonly dunningPolicy?: string | undefined;
  readonly rates?: string | undefined;
}

/** Reads every policy (the shipped files unless paths are given); a bad file is a `usage` RuntimeError. */
export async function loadPolicies(paths: PolicyPaths = {}): Promise<Policies> {
  const [grading, limit, check, dunning, rates] = await Promise.all([
    gradeContext(paths),
    readLimitPolicy(paths.limitPolicy),
    readCheckPolicy(paths.checkPolicy),
    readDunningPolicy(paths.dunningPolicy),
    readRates(paths.rates),
  ]);
  return { grading, limit, check, dunning, rates };
}
