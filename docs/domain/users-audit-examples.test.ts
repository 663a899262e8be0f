/** The worked example of docs/domain/users-and-audit.md, run on an embedded store. */
import {
  type AuditEntry,
  addUser,
  authenticate,
  importBuyers,
  importDocuments,
  listAudit,
  type Principal,
  type RowSource,
  recordPayment,
  requestLimit,
  revokeUser,
  type Store,
  writeOffDocument,
} from '@credence/app';
import { type CurrencyCode, date } from '@credence/core';
import { openEngine, storeOn } from '@credence/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, readDocTables, table } from './doc-tables';

const tables = readDocTables(new URL('./users-and-audit.md', import.meta.url));
const EUR = 'EUR' as CurrencyCode;
const AT = new Date('2026-06-30T10:00:00Z');

const file = (name: string, header: string[], rows: string[][]): RowSource => ({
  file: name,
  columns: header,
  rows: rows.map((cells, i) => ({ row: i + 2, values: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])) })),
});

describe('docs/domain/users-and-audit.md', () => {
  let engine: Awaited<ReturnType<typeof openEngine>>;
  let trail: AuditEntry[] = [];
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    engine = await openEngine();
    const root = (source?: string): Store =>
      storeOn(engine, { by: 'root', now: () => AT, ...(source !== undefined ? { source } : {}) }, false);
    const ok = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value;
    };
    for (const [name, role] of [
      ['anna', 'credit_manager'],
      ['erp', 'erp'],
    ] as const)
      tokens.set(name, ok(await addUser(root(), { name, role })).token);
    ok(
      await importBuyers(
        root('buyers.csv'),
        file(
          'buyers.csv',
          ['buyer_id', 'name', 'country', 'currency', 'payment_terms_days'],
          [['B1', 'Acme', 'DE', 'EUR', '30']],
        ),
      ),
    );
    ok(
      await importDocuments(
        root('invoices.csv'),
        file(
          'invoices.csv',
          ['document_number', 'buyer_id', 'issue_date', 'due_date', 'amount', 'currency'],
          [
            ['INV-1', 'B1', '2026-02-01', '2026-03-03', '400.00', 'EUR'],
            ['INV-2', 'B1', '2026-02-05', '2026-03-07', '250.00', 'EUR'],
          ],
        ),
      ),
    );
    // The server's part: authenticate the bearer token, then a store for the principal.
    const as = async (user: string): Promise<Store> => {
      const p = (await authenticate(root(), tokens.get(user) ?? '')) as Principal;
      return root().withActor({ by: p.user, channel: 'api', tokenId: p.tokenId });
    };
    ok(
      await recordPayment(await as('erp'), {
        id: 'P-1',
        buyerId: 'B1',
        date: date('2026-03-10'),
        amount: 40_000n,
        currency: EUR,
        documentNumber: 'INV-1',
      }),
    );
    const anna = await as('anna');
    ok(
      await writeOffDocument(anna, {
        id: 'W-1',
        documentNumber: 'INV-2',
        date: date('2026-03-31'),
        reason: 'insolvency closed',
      }),
    );
    ok(
      await requestLimit(
        anna,
        {
          buyerId: 'B1',
          amount: 1_000_000n,
          currency: EUR,
          validFrom: date('2026-07-01'),
          by: 'anna',
          reason: 'new contract',
        },
        date('2026-06-30'),
      ),
    );
    ok(await revokeUser(root(), 'erp'));
    trail = await listAudit(root());
  });
  afterAll(() => engine.close());

  it('lists the trail of the page, row by row', async () => {
    const want = table(tables, 'trail').rows;
    const tokenIds = new Map<string, string>();
    for (const e of trail)
      if (e.action === 'token_issue') tokenIds.set(e.entityId.replace('user:', ''), String(e.details.tokenId));
    expect(trail.map((e) => [e.actor, e.channel, e.action, `${e.entityKind}:${e.entityId}`, e.reason ?? ''])).toEqual(
      want.map((r) => [cell(r, 'actor'), cell(r, 'channel'), cell(r, 'action'), cell(r, 'entity'), cell(r, 'reason')]),
    );
    want.forEach((r, i) => {
      const e = trail[i];
      const token = cell(r, 'token');
      expect(e?.tokenId, `row ${i + 1}`).toBe(token === '' ? undefined : tokenIds.get(token));
      const details = cell(r, 'details');
      if (details.startsWith('{')) expect(e?.details, `row ${i + 1}`).toEqual(JSON.parse(details));
      expect(e?.at).toEqual(AT);
    });
    // The token itself is nowhere in the trail.
    for (const t of tokens.values()) expect(JSON.stringify(trail)).not.toContain(t);
  });

  it('filters as the page says', async () => {
    const store = storeOn(engine, { by: 'root' }, false);
    const rows = (es: AuditEntry[]) => es.map((e) => trail.findIndex((t) => t.id === e.id) + 1);
    expect(rows(await listAudit(store, { entity: 'user:erp' }))).toEqual([3, 4, 10]);
    expect(rows(await listAudit(store, { user: 'anna' }))).toEqual([8, 9]);
    expect(await listAudit(store, { from: new Date('2026-07-01T00:00:00Z') })).toEqual([]);
  });
});
