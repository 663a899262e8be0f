import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { date } from '@credence/core';
import { openStore } from '@credence/db';
import { gradeContext, readCheckPolicy, readLimitPolicy, readRates } from '@credence/runtime';
import { createServer } from '@credence/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// The order credit check over HTTP is the same decision as `credence credit check` on the same store: the
// decision, every reason (code, parameters, words) and the exposure, for an approve, a refer and a hold.
const tmp = tempDir('serve-check');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'db');
const today = { CREDENCE_TODAY: '2025-07-01' };

interface CliCheck {
  decision: string;
  limit: string | null;
  order: string;
  exposure: Record<string, string>;
  reasons: { code: string; params: Record<string, unknown>; text: string }[];
}
type Money = { amount: string; currency: string };
interface ApiCheck {
  decision: string;
  limit: Money | null;
  order: Money;
  exposure: Record<string, Money>;
  reasons: { code: string; params: Record<string, unknown>; text: string }[];
}

/** The API's answer in the CLI's JSON terms (money as the decimal string). */
const asCli = (a: ApiCheck) => ({
  decision: a.decision,
  limit: a.limit?.amount ?? null,
  order: a.order.amount,
  exposure: Object.fromEntries(Object.entries(a.exposure).map(([k, v]) => [k, v.amount])),
  reasons: a.reasons.map((r) => ({
    code: r.code,
    params: Object.fromEntries(
      Object.entries(r.params).map(([k, v]) => [k, typeof v === 'object' && v !== null ? (v as Money).amount : v]),
    ),
    text: r.text,
  })),
});

beforeAll(async () => {
  const buyers = join(tmp.dir, 'b.csv');
  writeFileSync(
    buyers,
    'buyer_id,name,country,currency,payment_terms_days\nB1,Nordwind,DE,EUR,30\nB2,Kasai,JP,JPY,60\n',
  );
  const inv = join(tmp.dir, 'i.csv');
  writeFileSync(
    inv,
    'document_number,buyer_id,issue_date,due_date,amount,currency\n' +
      'I1,B1,2025-06-01,2025-07-01,30000.00,EUR\nI2,B2,2025-03-01,2025-04-01,900000,JPY\n',
  );
  for (const [kind, file] of [
    ['buyers', buyers],
    ['invoices', inv],
  ] as const)
    expect((await credence(['import', kind, file, '--db', db], today)).code).toBe(0);
  const set = ['limit', 'set', '--buyer', 'B1', '--amount', '50000', '--currency', 'EUR', '--by', 'chief'];
  expect((await credence([...set, '--reason', 'ok', '--db', db], today)).code).toBe(0);
}, 120_000);

describe('POST /api/v1/credit-checks and `credence credit check`', () => {
  it('give the same decision, reasons and exposure', async () => {
    const cases = [
      { buyer: 'B1', amount: '1000.00', currency: 'EUR' }, // within the limit, nothing overdue
      { buyer: 'B1', amount: '40000.00', currency: 'EUR' }, // over the limit
      { buyer: 'B2', amount: '5000', currency: 'JPY' }, // no limit, long overdue
    ];
    const cli: CliCheck[] = [];
    for (const c of cases) {
      const r = await credence(
        [
          'credit',
          'check',
          '--buyer',
          c.buyer,
          '--amount',
          c.amount,
          '--currency',
          c.currency,
          '--format',
          'json',
          '--db',
          db,
        ],
        today,
      );
      expect(r.code).toBe(0);
      cli.push(JSON.parse(r.out) as CliCheck);
    }
    const [grading, limits, check, rates] = await Promise.all([
      gradeContext(),
      readLimitPolicy(),
      readCheckPolicy(),
      readRates(),
    ]);
    const store = await openStore({ dir: db });
    try {
      const token = 'cr_'.padEnd(46, 'A');
      const app = createServer({
        store,
        clock: { today: () => date('2025-07-01'), now: () => new Date() },
        policies: { grading, limits, check, rates },
        authenticate: async (t) => (t === token ? { user: 'erp', role: 'erp', tokenId: 'tok_1' } : undefined),
      });
      for (const [i, c] of cases.entries()) {
        const res = await app.request('/api/v1/credit-checks', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ buyerId: c.buyer, amount: c.amount, currency: c.currency }),
        });
        expect(res.status).toBe(200);
        const { decision, limit, order, exposure, reasons } = cli[i] as CliCheck;
        expect(asCli((await res.json()) as ApiCheck)).toEqual({ decision, limit, order, exposure, reasons });
      }
      expect(cli.map((c) => c.decision)).toEqual(['approve', 'refer', 'hold']);
    } finally {
      await store.close();
    }
  }, 120_000);
});
