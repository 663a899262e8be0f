/**
 * One or more steps of the daily cycle on a kept benchmark schema (for profiling: `node --cpu-prof`):
 * `tsx packages/cli/bench/daily-steps.ts SCHEMA alerts,dunning [as-of]`. Clears what a daily run wrote first.
 */
import { readFileSync } from 'node:fs';
import { parseCompany } from '@credence/app';
import { DAILY_STEPS } from '@credence/app/daily';
import { openEngine, storeOn } from '@credence/db';
import { COMPANY_EXAMPLE, dailyContext, readRates } from '@credence/runtime';
import { sql } from 'kysely';
import pg from 'pg';

/** With SLOW_MS set, each statement slower than that is printed with its time (the step's queries). */
const slow = Number(process.env.SLOW_MS ?? 'NaN');
if (Number.isFinite(slow)) {
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: unknown }).query = function (this: unknown, ...a: unknown[]) {
    const t = performance.now();
    const r = query.apply(this, a);
    const text = typeof a[0] === 'string' ? a[0] : String((a[0] as { text?: string })?.text ?? '');
    if (r instanceof Promise)
      void r.then(
        (x: { rowCount?: number }) => {
          const ms = performance.now() - t;
          if (ms >= slow)
            process.stdout.write(
              `  @${Math.round(t)} ${Math.round(ms)} ms ${x?.rowCount ?? ''} rows: ${text.replace(/\s+/g, ' ').slice(0, 160)}\n`,
            );
        },
        () => undefined,
      );
    return r;
  };
}

async function main([schema, names, asOf = '2025-06-30']: string[]): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url || !schema || !names) throw new Error('DATABASE_URL=… daily-steps.ts SCHEMA step,step [as-of]');
  const company = parseCompany(JSON.parse(readFileSync(COMPANY_EXAMPLE, 'utf8')));
  if (!company.ok) throw new Error('company example invalid');
  const engine = await openEngine({ databaseUrl: url, schema });
  const store = storeOn(engine);
  const tables = [
    'daily_steps',
    'alerts',
    'grades',
    'dunning_letter_items',
    'dunning_letters',
    'dunning_runs',
    'deliveries',
    'outbox',
    'audit_log',
  ];
  await sql`truncate table ${sql.join(tables.map((t) => sql.table(t)))}`.execute(engine.db);
  // The holds earlier runs set (credit_holds is append-only: its trigger is off for this one statement).
  await engine.transact(async ({ db }) => {
    await sql`set local session_replication_role = replica`.execute(db);
    await sql`delete from credit_holds where by in ('monitoring', 'dunning run')`.execute(db);
  });
  await sql`analyze`.execute(engine.db);
  const ctx = await dailyContext(store, {
    company: company.value,
    rates: await readRates(),
    by: 'bench',
    today: asOf as never,
  });
  const want = names.split(',');
  for (const step of DAILY_STEPS) {
    if (!want.includes(step.name) && !want.includes('all')) continue;
    const t = performance.now();
    const f = await step.run(store, ctx, asOf as never);
    process.stdout.write(`${step.name} ${Math.round(performance.now() - t)} ms ${JSON.stringify(f.counts)}\n`);
  }
  await engine.close();
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
