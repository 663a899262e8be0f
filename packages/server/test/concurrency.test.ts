// Requests at once over HTTP on one PostgreSQL pool (and PGlite): the losers of a "check, then insert" rule get
// the domain's problem, never a 5xx (docs/ARCHITECTURE.md, "Concurrency").
import { randomBytes } from 'node:crypto';
import { addUser, type Store } from '@credence/app';
import { type CurrencyCode, date, isCurrency } from '@credence/core';
import { type Engine, openEngine, storeOn } from '@credence/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index';
import { fixedClock, shippedPolicies } from './fixture';

const N = 12;
const cur = (code: string): CurrencyCode => {
  if (!isCurrency(code)) throw new RangeError(code);
  return code;
};
const EUR = cur('EUR');
const url = process.env.DATABASE_URL;
const kinds = url ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

describe.each(kinds)('requests at once (%s)', (kind) => {
  let engine: Engine;
  let store: Store;
  let schema: string | undefined;
  const tokens: string[] = [];
  beforeAll(async () => {
    schema = kind === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : undefined;
    engine = await openEngine(kind === 'postgres' && url ? { databaseUrl: url, ...(schema ? { schema } : {}) } : {});
    store = storeOn(engine, { by: 'test', now: () => fixedClock.now() });
    await store.transact(async (tx) => {
      await tx.upsertBuyers([{ id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 30 }]);
      await tx.insertDocuments([
        {
          number: 'I-1',
          buyerId: 'B1',
          type: 'invoice',
          issueDate: date('2026-05-01'),
          dueDate: date('2026-05-31'),
          amount: 10_000n,
          currency: EUR,
          idempotencyKey: 'doc:I-1',
          contentHash: 'h',
        },
      ]);
    });
    for (let i = 0; i < 3; i++) {
      const u = await addUser(store, { name: `collector${i}`, role: 'collector' });
      if (!u.ok) throw new Error(JSON.stringify(u.error));
      tokens.push(u.value.token);
    }
  }, 60_000);
  afterAll(async () => {
    if (schema !== undefined) await engine.db.schema.dropSchema(schema).cascade().execute();
    await store?.close();
  });

  it('one dispute per document: one 201, the others 403 not-allowed', async () => {
    const app = createServer({ store, clock: fixedClock, policies: await shippedPolicies() });
    const responses = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        app.request('/api/v1/disputes', {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens[i % tokens.length]}`, 'content-type': 'application/json' },
          body: JSON.stringify({ documents: ['I-1'], reason: 'quality' }),
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(N - 1).fill(403)]);
    const bodies = await Promise.all(responses.filter((r) => r.status === 403).map((r) => r.json()));
    for (const b of bodies) expect(b).toMatchObject({ type: 'https://credence.dev/problems/not-allowed' });
  });
});
