import { readFileSync } from 'node:fs';
import { parseCompany, runDunning, type Store } from '@credence/app';
import type { BusinessDate } from '@credence/core';
import { COMPANY_EXAMPLE, readDunningPolicy, readRates } from '@credence/runtime';
import { line, seconds, timed } from './measure';

export interface DunningResult {
  readonly letters: number;
  readonly items: number;
  readonly planMs: number;
  readonly recordMs: number;
  readonly rerunMs: number;
}

/** Times the day's dunning on the benchmark ledger: the plan alone (dry run), the recorded run, and a rerun of the same date. */
export async function benchDunning(store: Store, asOf: BusinessDate, out: (s: string) => void): Promise<DunningResult> {
  const company = parseCompany(JSON.parse(readFileSync(COMPANY_EXAMPLE, 'utf8')));
  if (!company.ok) throw new Error('company example invalid');
  const x = { asOf, policy: await readDunningPolicy(), company: company.value, rates: await readRates() };
  const must = async (dryRun: boolean) => {
    const r = await runDunning(store, { ...x, dryRun });
    if (!r.ok) throw new Error(`dunning run failed: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  const plan = await timed(() => must(true));
  const letters = plan.value.letters.length;
  const items = plan.value.actions.reduce((s, a) => s + a.documents.length, 0);
  out(
    line(
      'dunning plan (dry run)',
      `${letters.toLocaleString('en-US')} letters, ${items.toLocaleString('en-US')} items`,
      seconds(plan.ms),
    ),
  );
  const record = await timed(() => must(false));
  out(line('dunning run, recorded', seconds(record.ms)));
  const rerun = await timed(() => must(false));
  if (rerun.value.letters.length !== 0)
    throw new Error(`a rerun of the same date planned ${rerun.value.letters.length} letters`);
  out(line('dunning rerun, same date', seconds(rerun.ms)));
  return { letters, items, planMs: plan.ms, recordMs: record.ms, rerunMs: rerun.ms };
}
