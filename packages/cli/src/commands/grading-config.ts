import { readFile } from 'node:fs/promises';
import { type CountryRiskTable, countryRiskTable, type GradeContext } from '@credence/app';
import {
  type CheckPolicy,
  type Failure,
  type GradingPolicy,
  type LimitPolicy,
  parseCheckPolicy,
  parseGradingPolicy,
  parseLimitPolicy,
  type Result,
} from '@credence/core';
import { CliError } from '../context';
import { EXIT } from '../exit-codes';
import { openRows } from '../files';
import { cliPath } from '../package-dir';
import { DEFAULT_MODEL, readModelFile } from './model-file';

/**
 * Reads a JSON configuration file (a policy, the rate tables) and checks it with `parse`; an unreadable or
 * invalid file is a usage error (exit 2) naming the file and the problem.
 */
export async function readJsonConfig<T>(
  path: string,
  what: string,
  parse: (json: unknown) => Result<T>,
  problem: (f: Failure) => string = (f) => String(f.params.reason),
): Promise<T> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new CliError(`cannot read the ${what} ${path}: ${e instanceof Error ? e.message : String(e)}`, EXIT.usage);
  }
  const p = parse(json);
  if (!p.ok) throw new CliError(`${path}: ${problem(p.error)}`, EXIT.usage);
  return p.value;
}
export const DEFAULT_POLICY = cliPath('config/grading-policy.json');
export const DEFAULT_COUNTRY_RISK = cliPath('config/country-risk/oecd-country-risk-2026-01-30.csv');

export async function readGradingPolicy(path = DEFAULT_POLICY): Promise<GradingPolicy> {
  return readJsonConfig(path, 'grading policy', parseGradingPolicy);
}

/** The OECD table (columns iso3 and current_classification), the shipped one by default. */
export async function readCountryRisk(path = DEFAULT_COUNTRY_RISK): Promise<CountryRiskTable> {
  const src = await openRows(path);
  const rows: { iso3: string; classification: string }[] = [];
  for await (const r of src.rows)
    rows.push({ iso3: r.values.iso3 ?? '', classification: r.values.current_classification ?? '' });
  const t = countryRiskTable(rows);
  if (!t.ok)
    throw new CliError(`${path}: bad ${String(t.error.params.field)} "${String(t.error.params.value)}"`, EXIT.usage);
  return t.value;
}

/** The model, policy and country table a grade needs (the shipped ones unless paths are given). */
export async function gradeContext(
  paths: { model?: string; policy?: string; countryRisk?: string } = {},
): Promise<GradeContext> {
  const [model, policy, countries] = await Promise.all([
    readModelFile(paths.model ?? DEFAULT_MODEL),
    readGradingPolicy(paths.policy),
    readCountryRisk(paths.countryRisk),
  ]);
  return { model, policy, countries };
}

export const DEFAULT_LIMIT_POLICY = cliPath('config/limit-policy.json');

export async function readLimitPolicy(path = DEFAULT_LIMIT_POLICY): Promise<LimitPolicy> {
  return readJsonConfig(path, 'limit policy', parseLimitPolicy);
}

export const DEFAULT_CHECK_POLICY = cliPath('config/check-policy.json');

export async function readCheckPolicy(path = DEFAULT_CHECK_POLICY): Promise<CheckPolicy> {
  return readJsonConfig(path, 'check policy', parseCheckPolicy);
}
