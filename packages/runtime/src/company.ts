import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Company, DEFAULT_GRACE_DAYS, parseCompany } from '@credence/app';
import { readJsonConfig } from './config-file';
import type { Env } from './env';
import { RuntimeError } from './errors';
import { shippedPath } from './paths';

/** The example settings file to copy and fill in. */
export const COMPANY_EXAMPLE = shippedPath('config/company.example.json');

/** Where the company settings are: the path given, else $CREDENCE_COMPANY, else ./company.json. */
export const companyFile = (path: string | undefined, env: Env): string =>
  resolve(path ?? env.CREDENCE_COMPANY ?? 'company.json');

/** The company settings (see companyFile); none there is a `missing` RuntimeError, an invalid file `usage`. */
export async function readCompany(path: string | undefined, env: Env): Promise<Company> {
  const file = companyFile(path, env);
  if (!existsSync(file))
    throw new RuntimeError(
      'missing',
      `no company settings at ${file}: letters need the creditor's name, address, bank account and contact. Copy ${COMPANY_EXAMPLE}, fill it in, and pass --company FILE (or set CREDENCE_COMPANY).`,
    );
  return readJsonConfig(file, 'company settings', parseCompany, (f) => String(f.params.problems ?? f.params.reason));
}

/**
 * The company settings when there are any: those named (path or CREDENCE_COMPANY; missing is an error), else
 * ./company.json when it is there, else undefined. An invalid file fails with its error.
 */
export async function findCompany(path: string | undefined, env: Env): Promise<Company | undefined> {
  const named = path ?? env.CREDENCE_COMPANY;
  if (named === undefined && !existsSync(resolve('company.json'))) return undefined;
  return readCompany(path, env);
}

/**
 * Days of grace for promises and plans: the company settings' when a settings file is there (an invalid one
 * fails with its error, like every other command that reads it), the defaults only when there is none and
 * none was named.
 */
export async function readGraceDays(
  path: string | undefined,
  env: Env,
): Promise<Pick<Company, 'promiseGraceDays' | 'planGraceDays'>> {
  return (
    (await findCompany(path, env)) ?? {
      promiseGraceDays: DEFAULT_GRACE_DAYS.promise,
      planGraceDays: DEFAULT_GRACE_DAYS.plan,
    }
  );
}

/** Where letters go when no SMTP server is configured, and printed letters and case files always. */
export const outboxDir = (option: string | undefined, env: Env): string =>
  resolve(option ?? env.CREDENCE_OUTBOX ?? 'data/outbox');
