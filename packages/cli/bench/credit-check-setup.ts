import {
  type ImportFailure,
  type ImportSummary,
  importBuyers,
  importDocuments,
  importFxRates,
  importPayments,
  type RowSource,
  type Store,
} from '@credence/app';
import { addDays, type BusinessDate, type Result } from '@credence/core';
import { type Engine, openEngine, storeOn } from '@credence/db';
import type { PortfolioFiles } from '@credence/demo';
import { openRows } from '@credence/files';
import { sql } from 'kysely';
import { line, perSecond, seconds, timed } from './measure';

type Importer = (store: Store, source: RowSource) => Promise<Result<ImportSummary, ImportFailure>>;

/** Limits the bench gives its buyers (EUR, minor units), picked per buyer; about one buyer in eight has none. */
const LIMITS = [5_000_00n, 20_000_00n, 50_000_00n, 100_000_00n, 250_000_00n, 1_000_000_00n];

/** A stable small hash of a buyer id, for the per-buyer picks. */
export function pick(id: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface BenchPortfolio {
  readonly engine: Engine;
  readonly store: Store;
  readonly buyerIds: readonly string[];
  readonly reused: boolean;
}

async function benchLimits(engine: Engine): Promise<number> {
  const { rows } = await sql<{ n: unknown }>`select count(*) as n from limit_events where by = 'bench'`.execute(
    engine.db,
  );
  return Number(rows[0]?.n ?? 0);
}

async function load(store: Store, files: PortfolioFiles, out: (s: string) => void): Promise<void> {
  const steps: [string, string, Importer][] = [
    ['buyers', files.buyers, importBuyers],
    ['fx-rates', files.fxRates, importFxRates],
    ['invoices', files.invoices, importDocuments],
    ['payments', files.payments, importPayments],
  ];
  for (const [kind, path, importer] of steps) {
    const t = await timed(async () => importer(store, await openRows(path)));
    if (!t.value.ok) throw new Error(`${kind} import rejected: ${JSON.stringify(t.value.error.errors.slice(0, 3))}`);
    const rows = t.value.value.rows;
    out(line(`import ${kind}`, `${rows.toLocaleString('en-US')} rows`, seconds(t.ms), perSecond(rows, t.ms)));
  }
}

/** An approved limit for most buyers, and a credit hold on one in fifty, through the store's own writes. */
async function limitsAndHolds(store: Store, buyerIds: readonly string[], asOf: BusinessDate): Promise<void> {
  const since = addDays(asOf, -365);
  for (let i = 0; i < buyerIds.length; i += 1000) {
    const part = buyerIds.slice(i, i + 1000);
    await store.transact(async (tx) => {
      for (const buyerId of part) {
        const p = pick(buyerId, 1) % (LIMITS.length + 1);
        const amount = LIMITS[p];
        if (amount !== undefined)
          await tx.appendLimitEvent({
            buyerId,
            kind: 'approval',
            amount,
            currency: 'EUR' as never,
            validFrom: since,
            by: 'bench',
            reason: 'benchmark limit',
            recordedOn: since,
          });
        if (pick(buyerId, 2) % 50 === 0)
          await tx.appendHold({ buyerId, action: 'hold', reason: 'benchmark hold', by: 'bench', recordedOn: since });
      }
    });
  }
}

/**
 * The benchmark portfolio in PostgreSQL schema `schema`: reused when a kept run left it complete (its
 * benchmark limits written), else loaded through the import use cases and given limits and holds.
 */
export async function benchPortfolio(
  databaseUrl: string,
  schema: string,
  files: PortfolioFiles,
  asOf: BusinessDate,
  out: (s: string) => void,
): Promise<BenchPortfolio> {
  let engine = await openEngine({ databaseUrl, schema });
  const ready = (await benchLimits(engine)) > 0;
  if (!ready) {
    // A new schema, or one a stopped run left half loaded: start again from nothing.
    await sql`drop schema ${sql.id(schema)} cascade`.execute(engine.db);
    await engine.close();
    engine = await openEngine({ databaseUrl, schema });
  }
  const store = storeOn(engine);
  if (ready) out(`Reusing the kept schema ${schema}`);
  else {
    out(`Loading into schema ${schema}`);
    await load(store, files, out);
    const ids = await sql<{ id: string }>`select id from buyers order by id`.execute(engine.db);
    const t = await timed(() =>
      limitsAndHolds(
        store,
        ids.rows.map((r) => r.id),
        asOf,
      ),
    );
    out(line('limits and holds', seconds(t.ms)));
    await sql`analyze`.execute(engine.db);
  }
  const { rows } = await sql<{ id: string }>`select id from buyers order by id`.execute(engine.db);
  return { engine, store, buyerIds: rows.map((r) => r.id), reused: ready };
}
