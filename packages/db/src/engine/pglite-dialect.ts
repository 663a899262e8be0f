import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';

/** What the dialect needs of PGlite or of one of its open transactions. */
export interface PgliteQueryable {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
}

/**
 * A Kysely dialect whose every query runs on one PGlite handle (the database or an open transaction).
 * Transactions are not opened through Kysely: the store opens them on PGlite and builds a dialect
 * over the transaction, so a Kysely-level `transaction()` is refused.
 */
export class PgliteQueryDialect implements Dialect {
  constructor(private readonly target: PgliteQueryable) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PgliteDriver(this.target);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Parameters<Dialect['createIntrospector']>[0]) {
    return new PostgresIntrospector(db);
  }
}

class PgliteDriver implements Driver {
  private readonly connection: DatabaseConnection;
  constructor(target: PgliteQueryable) {
    this.connection = {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        const result = await target.query<R>(query.sql, [...query.parameters]);
        const affected = result.affectedRows;
        return affected === undefined
          ? { rows: result.rows }
          : { rows: result.rows, numAffectedRows: BigInt(affected) };
      },
      streamQuery() {
        throw new Error('streaming queries are not supported on PGlite');
      },
    };
  }
  async init() {}
  async acquireConnection() {
    return this.connection;
  }
  async beginTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }
  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection() {}
  async destroy() {}
}
