/**
 * Where a credit check's CPU goes, layer by layer, in one process (no load generator, no sockets for HTTP):
 * the statement alone, `checkOrder`, and the route through Hono (`app.request`), each 16 at once over the same
 * kept schema; CPU time of this process per check (`process.cpuUsage`) and of its PostgreSQL backends (from /proc,
 * when PostgreSQL runs on this machine). `tsx packages/cli/bench/credit-check-layers.ts SCHEMA [N]` with
 * DATABASE_URL; `LAYER=statement` runs the layers whose name contains it. Run `npm run bench:credit-check -- --keep`
 * first.
 */
import { addUser, checkOrder } from '@credence/app';
import { type CurrencyCode, date } from '@credence/core';
import { openEngine, storeOn } from '@credence/db';
import { gradeContext, readCheckPolicy, readLimitPolicy, readRates, systemClock } from '@credence/runtime';
import { createServer } from '@credence/server';
import { type Kysely, sql } from 'kysely';
import { backendSeconds, backendTicks, withAppName } from './pg-cpu';

const APP_NAME = 'credence-credit-check-layers';

async function main(): Promise<void> {
  const [schema, count = '4000'] = process.argv.slice(2);
  const databaseUrl = process.env.DATABASE_URL;
  if (!schema || !databaseUrl) throw new Error('usage: DATABASE_URL=… tsx credit-check-layers.ts SCHEMA [N]');
  const n = Number(count);
  const engine = await openEngine({ databaseUrl: withAppName(databaseUrl, APP_NAME), schema });
  const pgTicks = () => backendTicks(engine.db as unknown as Kysely<never>, APP_NAME);
  const store = storeOn(engine);
  const { rows } = await sql<{ id: string }>`select id from buyers order by id`.execute(engine.db);
  const ids = rows.map((r) => r.id);
  const [grading, limits, check, rates] = await Promise.all([
    gradeContext(),
    readLimitPolicy(),
    readCheckPolicy(),
    readRates(),
  ]);
  const app = createServer({ store, clock: systemClock(), policies: { grading, limits, check, rates } });
  const user = await addUser(store, { name: `layers-${Date.now()}`, role: 'erp' });
  if (!user.ok) throw new Error(user.error.code);
  const headers = { authorization: `Bearer ${user.value.token}`, 'content-type': 'application/json' };
  const asOf = date('2025-06-30');
  const buyer = (i: number) => ids[(i * 7919) % ids.length] ?? '';
  const layers: [string, (i: number) => Promise<unknown>][] = [
    ['select 1', () => sql`select 1`.execute(engine.db)],
    ['orderCheckReads (the statement)', (i) => store.orderCheckReads?.(buyer(i), asOf) ?? Promise.resolve()],
    [
      'checkOrder',
      (i) => checkOrder(store, check, { buyerId: buyer(i), amount: 1_000_00n, currency: 'EUR' as CurrencyCode, asOf }),
    ],
    [
      'the route (app.request)',
      async (i) => {
        const res = await app.request('/api/v1/credit-checks', {
          method: 'POST',
          headers,
          body: JSON.stringify({ buyerId: buyer(i), amount: '1000.00', currency: 'EUR', orderId: `SO-${i}`, asOf }),
        });
        if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
        await res.text();
      },
    ],
  ];
  for (let round = 0; round < 2; round++)
    for (const [name, one] of layers.filter(([name]) => !process.env.LAYER || name.includes(process.env.LAYER))) {
      let at = 0;
      const pg0 = await pgTicks();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (at < n) await one(at++);
        }),
      );
      const c = process.cpuUsage(c0);
      const ms = performance.now() - t0;
      const pg = backendSeconds(pg0, await pgTicks());
      const pgPerCheck = pg === undefined ? 'not measured' : `${((pg * 1000) / n).toFixed(3)} ms`;
      if (round === 1)
        process.stdout.write(
          `${name.padEnd(34)} ${((c.user + c.system) / 1000 / n).toFixed(3)} ms CPU/check (user ${(c.user / 1000 / n).toFixed(3)}, system ${(c.system / 1000 / n).toFixed(3)}), PostgreSQL ${pgPerCheck}, ${Math.round((n * 1000) / ms)}/s\n`,
        );
    }
  await store.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
