import type { Company, Store } from '@credence/app';
import type { DailyContext } from '@credence/app/daily';
import type { BusinessDate, CurrencyCode, RateTables } from '@credence/core';
import type { DailySchedule } from '@credence/core/monitoring';
import { readJsonConfig } from '../config-file';
import type { Courier } from '../delivery/types';
import { RuntimeError } from '../errors';
import { alertDigestDelivery } from '../monitoring/deliver-alert-digests';
import { shippedPath } from '../paths';
import { type GradePaths, gradeContext } from '../policies';
import { policyInForce } from '../policy-in-force';
import { statementPost } from '../statements/deliver-statements';

export const DEFAULT_ALERT_RULES = shippedPath('config/alert-rules.json');

/** The alert rules file (default the shipped one), checked by core's parser; a bad file is a `usage` RuntimeError. */
export async function readAlertRules(path?: string) {
  // Loaded when used: the rules are a Zod schema, which the CLI does not load at start.
  const { parseAlertPolicy } = await import('@credence/core/monitoring');
  return readJsonConfig(path ?? DEFAULT_ALERT_RULES, 'alert rules', parseAlertPolicy);
}

export interface DailyPaths extends GradePaths {
  readonly dunningPolicy?: string | undefined;
  readonly alertRules?: string | undefined;
}

/**
 * What the daily cycle's steps need, as the CLI and the service read it: the grading, dunning and alert policies in
 * force (a file named, else the version stored with `policy set`, else the shipped one), the company settings and
 * the reference rates.
 */
export async function dailyContext(
  store: Store,
  x: {
    readonly company: Company;
    readonly rates: RateTables;
    readonly by: string;
    readonly today?: BusinessDate;
    readonly baseCurrency?: CurrencyCode;
    readonly paths?: DailyPaths;
    /** Carries the monthly statements and the alert digests (the `statements` and `digests` steps); absent: they send nothing. */
    readonly courier?: Courier;
  },
): Promise<DailyContext> {
  const p = x.paths ?? {};
  const [files, gradingPolicy, dunningPolicy, alertRules, check] = await Promise.all([
    gradeContext(p),
    policyInForce(store, 'grading', p.policy),
    policyInForce(store, 'dunning', p.dunningPolicy),
    policyInForce(store, 'alerts', p.alertRules),
    policyInForce(store, 'check'),
  ]);
  return {
    grading: { ...files, policy: gradingPolicy },
    alertRules,
    dunning: { policy: dunningPolicy, company: x.company, rates: x.rates },
    by: x.by,
    ...(x.courier !== undefined
      ? {
          statements: { policy: check.credit?.keyAccounts, send: statementPost(x.courier, x.company) },
          digests: alertDigestDelivery(x.courier, x.company),
        }
      : {}),
    ...(x.today !== undefined ? { today: x.today } : {}),
    ...(x.baseCurrency !== undefined ? { baseCurrency: x.baseCurrency } : {}),
  };
}

/**
 * The service's daily schedule from the company settings' `daily` section (`{ "at": "06:30", "timeZone": … }`),
 * checked by core's Zod schema; undefined without one. An invalid section is a `usage` RuntimeError naming its path.
 */
export async function dailyScheduleOf(company: Company): Promise<DailySchedule | undefined> {
  const section = (company as unknown as { daily?: unknown }).daily;
  if (section === undefined) return undefined;
  const { parseDailySchedule } = await import('@credence/core/monitoring');
  const r = parseDailySchedule(section);
  if (!r.ok) throw new RuntimeError('usage', `company settings: ${String(r.error.params.problems)}`);
  return r.value;
}
