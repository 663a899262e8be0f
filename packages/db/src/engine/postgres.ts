import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../schema';
import { type Conn, copySql, type Engine, POOL_SIZE, quoteIdent } from './types';

const DATE = 1082;
const INT8 = 20;
const NUMERIC = 1700;

/** Per-pool parsers (never the global `pg.types`): dates as strings, int8 as bigint, numeric as string. */
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === DATE || oid === NUMERIC) return (x: string) => x;
    if (oid === INT8) return (x: string) => BigInt(x);
    return pg.types.getTypeParser(oid, format ?? 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** A Kysely instance bound to one client: its queries share the client's transaction. */
function kyselyOn(client: pg.PoolClient): Kysely<Database> {
  const single = {
    connect: async () => ({ query: client.query.bind(client), release: () => {} }),
    end: async () => {},
  };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: single as never }) });
}

function connOn(client: pg.PoolClient): Conn {
  return {
    db: kyselyOn(client),
    async copy(table, columns, csv) {
      const stream = client.query(copyFrom(copySql(table, columns, 'STDIN')));
      await pipeline(Readable.from(typeof csv === 'string' ? [csv] : csv, { objectMode: false }), stream);
    },
  };
}

export async function openPostgres(databaseUrl: string, schema: string | undefined): Promise<Engine> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    types: typeParsers,
    max: POOL_SIZE,
    // JIT compilation costs more than it saves on these short aggregates (0.1–0.5 s a query).
    options: `-c jit=off${schema !== undefined ? ` -c search_path=${schema}` : ''}`,
  });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => {});
  if (schema !== undefined) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    async named(name, query) {
      const r = await pool.query({ name, text: query.sql, values: query.parameters as unknown[] });
      return r.rows;
    },
    async transact(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(connOn(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}
