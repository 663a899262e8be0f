/**
 * Profiling aid (not a test): EXPLAIN ANALYZE of the queries behind the aging and KPI reports on a database
 * kept by `npm run bench -- --keep`, as the store sends them (compiled by Kysely, parameters inlined by the
 * server): `npx tsx packages/cli/bench/explain-reads.ts (DIR | postgres SCHEMA) [AS_OF]`; `READS=aging,kpis,behaviour`
 * picks some. `READS=order-check` explains the credit check's statement as the server runs it: prepared, its generic
 * plan, for `KEYS` (default 16) buyers taken evenly from the buyers (`BUYERS=id,id` names them).
 */
import { addMonths, type BusinessDate, date } from '@credence/core';
import { type Engine, openEngine, storeOn } from '@credence/db';
import { type CompiledQuery, type KyselyPlugin, sql } from 'kysely';

async function main(): Promise<void> {
  const [where = '', second, third] = process.argv.slice(2);
  const pg = where === 'postgres';
  const asOf = date((pg ? third : second) ?? '2025-06-30');
  const engine = await openEngine(
    pg ? { databaseUrl: process.env.DATABASE_URL ?? '', schema: second ?? '' } : { dir: where },
  );
  if (process.env.WORK_MEM) await sql.raw(`set work_mem = '${process.env.WORK_MEM}'`).execute(engine.db);
  const seen: CompiledQuery[] = [];
  // A Kysely of its own (a plugin gives it its own executor), whose queries are noted as they run.
  const spy: KyselyPlugin = { transformQuery: (a) => a.node, transformResult: async (a) => a.result };
  const db = engine.db.withPlugin(spy);
  const executor = db.getExecutor() as unknown as { executeQuery: (q: CompiledQuery, id: unknown) => Promise<unknown> };
  const original = executor.executeQuery.bind(executor);
  executor.executeQuery = (q, id) => {
    seen.push(q);
    return original(q, id);
  };
  const store = storeOn({ ...engine, db });
  try {
    const only = process.env.READS?.split(',');
    const want = (name: string) => only === undefined || only.includes(name);
    if (want('aging')) await store.agingPositions(asOf, [30, 60, 90, 180, 365], false);
    if (want('kpis')) await store.kpiInputs(addMonths(asOf, -3), asOf);
    if (want('behaviour')) await store.behaviourSums(addMonths(asOf, -3), asOf);
    if (only?.includes('order-check')) await explainOrderCheck(engine, asOf);
    for (const q of seen) {
      const t = performance.now();
      const plan = await sql
        .raw(`explain (analyze, buffers) ${inline(q)}`)
        .execute(engine.db)
        .catch((e: unknown) => ({ rows: [{ error: String(e) }] }));
      process.stdout.write(`\n--- ${Math.round(performance.now() - t)} ms\n${q.sql.slice(0, 300)}\n`);
      for (const r of plan.rows as Record<string, unknown>[]) process.stdout.write(`${Object.values(r).join(' ')}\n`);
    }
  } finally {
    await engine.close();
  }
}

/**
 * The credit check's statement for several buyers (the batched form), prepared and run with its generic plan, as
 * the server's prepared statement runs after its first executions.
 */
async function explainOrderCheck(engine: Engine, asOf: BusinessDate): Promise<void> {
  const keys = Number(process.env.KEYS ?? 16);
  const { rows } = await sql<{ id: string }>`select id from buyers order by id`.execute(engine.db);
  const step = Math.max(1, Math.floor(rows.length / keys));
  const ids =
    process.env.BUYERS?.split(',') ??
    Array.from({ length: Math.min(keys, rows.length) }, (_, i) => rows[i * step]?.id ?? '');
  let text = '';
  const capture: KyselyPlugin = { transformQuery: (a) => a.node, transformResult: async (a) => a.result };
  const db = engine.db.withPlugin(capture);
  const executor = db.getExecutor() as unknown as { executeQuery: (q: CompiledQuery, id: unknown) => Promise<unknown> };
  const original = executor.executeQuery.bind(executor);
  executor.executeQuery = (q, id) => {
    text = q.sql;
    return original(q, id);
  };
  // Without prepared statements the store sends the statement through Kysely: its text is what the server prepares.
  const { named: _, ...plain } = engine;
  await storeOn({ ...plain, db }).orderCheckReads?.(ids[0] ?? '', asOf);
  await engine.transact(async (conn) => {
    await sql.raw(`prepare credence_check (text[], date[]) as ${text}`).execute(conn.db);
    await sql`set local plan_cache_mode = force_generic_plan`.execute(conn.db);
    const lits = (vs: readonly string[]) => `array[${vs.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;
    const args = `${lits(ids)}::text[], ${lits(ids.map(() => asOf))}::date[]`;
    const run = sql.raw(`explain (analyze, buffers) execute credence_check (${args})`);
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const plan = await run.execute(conn.db);
      process.stdout.write(
        `\n--- order check, ${ids.length} buyers, run ${i + 1}: ${Math.round(performance.now() - t)} ms\n`,
      );
      if (i === 2)
        for (const r of plan.rows as Record<string, unknown>[]) process.stdout.write(`${Object.values(r).join(' ')}\n`);
      else
        process.stdout.write(
          `${(plan.rows as Record<string, unknown>[]).slice(-1).map((r) => Object.values(r).join(' '))}\n`,
        );
    }
    await sql`deallocate credence_check`.execute(conn.db);
  });
}

/** The query with its parameters written in as literals (dates, numbers, text arrays). */
function inline(q: CompiledQuery): string {
  const lit = (v: unknown): string =>
    Array.isArray(v)
      ? `array[${v.map(lit).join(',')}]::text[]`
      : typeof v === 'number' || typeof v === 'bigint'
        ? String(v)
        : `'${String(v).replace(/'/g, "''")}'`;
  return q.sql.replace(/\$(\d+)/g, (_m, n: string) => lit(q.parameters[Number(n) - 1]));
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
