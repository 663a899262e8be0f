import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openEngine } from '@credence/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// The operator is recorded with every ledger entry: --operator, else CREDENCE_OPERATOR, else the OS user;
// imports also record the file name. The timeline shows who recorded a payment.
const tmp = tempDir('attribution');
const db = join(tmp.dir, 'db');
afterAll(() => tmp.cleanup());

beforeAll(async () => {
  writeFileSync(
    join(tmp.dir, 'buyers.csv'),
    'buyer_id,name,country,currency,payment_terms_days\nB1,Acme GmbH,DE,EUR,30\n',
  );
  writeFileSync(
    join(tmp.dir, 'invoices.csv'),
    'document_number,buyer_id,issue_date,due_date,amount,currency\nI1,B1,2026-01-05,2026-02-04,1000.00,EUR\n',
  );
  for (const k of ['buyers', 'invoices']) {
    const r = await credence(['import', k, join(tmp.dir, `${k}.csv`), '--db', db], { CREDENCE_OPERATOR: 'importer' });
    expect(r.code).toBe(0);
  }
});

async function rows(table: string): Promise<{ recorded_by: string; recorded_at: Date; source: string | null }[]> {
  const engine = await openEngine({ dir: db });
  try {
    const { rows } = await sql<{ recorded_by: string; recorded_at: Date; source: string | null }>`
      select recorded_by, recorded_at, source from ${sql.table(table)}`.execute(engine.db);
    return rows;
  } finally {
    await engine.close();
  }
}

describe('who recorded a ledger entry', () => {
  it('a payment added with --operator anna reads back with recorded_by anna and a recorded_at', async () => {
    const before = Date.now();
    const r = await credence(
      [
        'payment',
        'add',
        '--id',
        'P1',
        '--buyer',
        'B1',
        '--date',
        '2026-03-01',
        '--amount',
        '400.00',
        '--currency',
        'EUR',
      ].concat(['--db', db, '--operator', 'anna']),
      { CREDENCE_OPERATOR: 'someone-else' },
    );
    expect(r.code).toBe(0);
    const [p] = await rows('payments');
    expect(p?.recorded_by).toBe('anna');
    expect(p?.source).toBeNull();
    expect(p?.recorded_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(p?.recorded_at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect((await rows('allocations')).map((a) => a.recorded_by)).toEqual(['anna']);

    const t = await credence(['buyer', 'timeline', 'B1', '--format', 'json', '--db', db]);
    expect(t.code).toBe(0);
    const entries = JSON.parse(t.out) as { kind: string; ref?: string; by?: string }[];
    expect(entries.find((e) => e.kind === 'payment')).toMatchObject({ ref: 'P1', by: 'anna' });
  });

  it('without --operator, CREDENCE_OPERATOR; imports record the file name', async () => {
    const r = await credence(
      ['write-off', '--id', 'W1', '--document', 'I1', '--date', '2026-04-01', '--reason', 'goodwill', '--db', db],
      { CREDENCE_OPERATOR: 'bob' },
    );
    expect(r.code).toBe(0);
    expect((await rows('write_offs')).map((w) => w.recorded_by)).toEqual(['bob']);
    const t = await credence(['buyer', 'timeline', 'B1', '--format', 'json', '--db', db]);
    const entries = JSON.parse(t.out) as { kind: string; ref?: string; by?: string }[];
    expect(entries.find((e) => e.kind === 'write_off')).toMatchObject({ ref: 'W1', by: 'bob' });
    expect(await rows('documents')).toEqual([
      { recorded_by: 'importer', recorded_at: expect.any(Date), source: 'invoices.csv' },
    ]);
  });
});
