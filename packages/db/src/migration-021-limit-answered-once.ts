import { type Kysely, type Migration, sql } from 'kysely';

/**
 * A limit request is answered once: at most one limit event (approval or rejection) names a request. The use case
 * checks it under the buyer's limit lock (`answerLimitRequest`); this index is the database's own guarantee, for
 * any writer (docs/ARCHITECTURE.md, "Concurrency").
 */
export const m021: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create unique index limit_events_answered_once on limit_events (request_id)
              where request_id is not null`.execute(db);
  },
};
