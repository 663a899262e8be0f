import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Company, DEFAULT_GRACE_DAYS, parseCompany } from '@credence/app';
import { type DunningPolicy, parseDunningPolicy, parseRateTables, type RateTables } from '@credence/core';
import { CliError } from '../context';
import { EXIT } from '../exit-codes';
import { cliPath } from '../package-dir';
import { readJsonConfig } from './grading-config';
export const DEFAULT_DUNNING_POLICY = cliPath('config/dunning-policy.json');
export const DEFAULT_RATES = cliPath('config/reference-rates.json');
export const COMPANY_EXAMPLE = cliPath('config/company.example.json');

export const readRates = (path = DEFAULT_RATES): Promise<RateTables> =>
  readJsonConfig(path, 'reference rates', parseRateTables, (f) => `bad rate at ${String(f.params.field)}`);

export const readDunningPolicy = (path = DEFAULT_DUNNING_POLICY): Promise<DunningPolicy> =>
  readJsonConfig(path, 'dunning policy', parseDunningPolicy);

/** The company settings: --company FILE, else $CREDENCE_COMPANY, else ./company.json. */
export async function readCompany(path: string | undefined, env: NodeJS.ProcessEnv): Promise<Company> {
  const file = resolve(path ?? env.CREDENCE_COMPANY ?? 'company.json');
  if (!existsSync(file))
    throw new CliError(
      `no company settings at ${file}: letters need the creditor's name, address, bank account and contact. Copy ${COMPANY_EXAMPLE}, fill it in, and pass --company FILE (or set CREDENCE_COMPANY).`,
      EXIT.missingData,
    );
  return readJsonConfig(file, 'company settings', parseCompany, (f) => String(f.params.problems ?? f.params.reason));
}

/**
 * Days of grace for promises and plans: the company settings' when a settings file is there (an invalid one
 * fails with its error, like every other command that reads it), the defaults only when there is none and
 * none was named.
 */
export async function readGraceDays(
  path: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<Pick<Company, 'promiseGraceDays' | 'planGraceDays'>> {
  const named = path ?? env.CREDENCE_COMPANY;
  if (named === undefined && !existsSync(resolve('company.json')))
    return { promiseGraceDays: DEFAULT_GRACE_DAYS.promise, planGraceDays: DEFAULT_GRACE_DAYS.plan };
  return readCompany(path, env);
}

/** Where letters go when no SMTP server is configured, and printed letters and case files always. */
export const outboxDir = (option: string | undefined, env: NodeJS.ProcessEnv): string =>
  resolve(option ?? env.CREDENCE_OUTBOX ?? 'data/outbox');
