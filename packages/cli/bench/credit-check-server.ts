/**
 * The server half of `npm run bench:credit-check`, run as a child process (its own event loop and CPU time):
 * opens the kept PostgreSQL schema once, reads the policies once, serves the real API on a free loopback port
 * and tells the parent its address over IPC. It answers `cpu` with its CPU time, and stops on SIGTERM.
 * Env: DATABASE_URL, BENCH_SCHEMA. No request logging. It counts the statements it sends to PostgreSQL (every
 * `query` of a pg client: the round trips), for the statements per request.
 */
import { openEngine, storeOn } from '@credence/db';
import { gradeContext, readCheckPolicy, readLimitPolicy, readRates, systemClock } from '@credence/runtime';
import { serve } from '@credence/server';
import pg from 'pg';

let statements = 0;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  statements++;
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const schema = process.env.BENCH_SCHEMA;
  if (!databaseUrl || !schema || !process.send)
    throw new Error('run by credit-check-bench.ts (DATABASE_URL, BENCH_SCHEMA, IPC)');
  const [grading, limits, check, rates] = await Promise.all([
    gradeContext(),
    readLimitPolicy(),
    readCheckPolicy(),
    readRates(),
  ]);
  const store = storeOn(await openEngine({ databaseUrl, schema }));
  const server = await serve(
    { store, clock: systemClock(), policies: { grading, limits, check, rates } },
    { port: 0, host: '127.0.0.1' },
  );
  process.on('message', (m) => {
    if (m === 'cpu')
      process.send?.({ cpu: process.cpuUsage(), statements, rssMb: Math.round(process.memoryUsage().rss / 1e6) });
  });
  process.once('SIGTERM', () => {
    void server
      .close()
      // Requests the load generator dropped at its end may still be reading: let them finish first.
      .then(() => new Promise((done) => setTimeout(done, 500)))
      .then(() => store.close())
      .finally(() => process.exit(0));
  });
  process.send({ url: server.url });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
