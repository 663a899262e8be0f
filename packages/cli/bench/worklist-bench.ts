/**
 * Times `viewWorklist` (GET /worklist) on a demo built by `worklist-demo-build.ts`:
 * `[DATABASE_URL=…] [READS=1] npx tsx packages/cli/bench/worklist-bench.ts 2026-12-07 /tmp/worklist-demo [runs]`
 * (PGlite in <dir>/db without DATABASE_URL; READS=1 prints each store read's calls and time).
 */
import { join } from 'node:path';
import { viewWorklist } from '@credence/app';
import { date } from '@credence/core';
import { loadPolicies, openStoreFrom, readCompany, readDunningPolicy } from '@credence/runtime';

const [asOf = '2026-12-07', dir = '/tmp/worklist-demo', runs = '3'] = process.argv.slice(2);
const url = process.env.DATABASE_URL ?? '';
// PostgreSQL when DATABASE_URL is set, else the demo's own PGlite database (<dir>/db).
const opened = await openStoreFrom(url ? { env: { DATABASE_URL: url } } : { db: join(dir, 'db'), env: {} });
/** Each store read's calls and time (`READS=1`). */
const reads = new Map<string, { calls: number; ms: number }>();
const store =
  process.env.READS === '1'
    ? new Proxy(opened, {
        get(target, key, receiver) {
          const v = Reflect.get(target, key, receiver);
          if (typeof v !== 'function' || typeof key !== 'string') return v;
          return async (...args: unknown[]) => {
            const t = performance.now();
            try {
              return await v.apply(target, args);
            } finally {
              const r = reads.get(key) ?? { calls: 0, ms: 0 };
              reads.set(key, { calls: r.calls + 1, ms: r.ms + performance.now() - t });
            }
          };
        },
      })
    : opened;
const policies = await loadPolicies();
const day = {
  asOf: date(asOf),
  policy: await readDunningPolicy(),
  company: await readCompany(join(dir, 'company.json'), {}),
  rates: policies.rates,
  currency: 'EUR' as never,
  defaultPd: policies.grading.policy.basePd,
};
for (let i = 0; i < Number(runs); i++) {
  const t = performance.now();
  const r = await viewWorklist(store, day);
  const ms = performance.now() - t;
  console.log(`run ${i + 1}: ${ms.toFixed(0)} ms, ${r.ok ? `${r.value.tasks.length} tasks` : JSON.stringify(r.error)}`);
}
for (const [k, r] of [...reads].sort((a, b) => b[1].ms - a[1].ms))
  console.log(`${k}: ${r.calls} calls, ${r.ms.toFixed(0)} ms`);
await opened.close();
