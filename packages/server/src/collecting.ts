import type { Company } from '@credence/app';
import type { DunningPolicy } from '@credence/core';
import { readDunningPolicy } from '@credence/runtime';
import type { ServerDeps } from './deps';
import { problemResponse } from './problem';

let shipped: Promise<DunningPolicy> | undefined;

/** The dunning ladder the server was given, else the shipped one (read once). */
export function dunningPolicyOf(deps: ServerDeps): Promise<DunningPolicy> {
  if (deps.policies.dunning !== undefined) return Promise.resolve(deps.policies.dunning);
  shipped ??= readDunningPolicy();
  return shipped;
}

/** The company settings, or the problem that says they are missing (the worklist, dunning and letters need them). */
export function companyOf(deps: ServerDeps): { ok: true; value: Company } | { ok: false; response: Response } {
  if (deps.company !== undefined) return { ok: true, value: deps.company };
  return {
    ok: false,
    response: problemResponse(
      'missing-data',
      'no company settings: start `credence serve` where company.json is, or with CREDENCE_COMPANY set',
      { params: { missing: 'company' } },
    ),
  };
}
