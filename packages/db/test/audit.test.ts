import { addUser, type LedgerWrites, listAudit, revokeUser } from '@credence/app';
import { type Allocation, date } from '@credence/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { audited, BULK_AUDIT_ROWS, TransactionAudit } from '../src/audit-writes';
import { ENTRY_TABLES } from '../src/migration-018-entries-append-only';
import { readsOn, storeOn, writesOn } from '../src/store';
import { EUR, invoice, payment } from './fixtures';
import { targets, useTarget } from './harness';

// Every write that changes money or risk leaves its audit row, in the same transaction, with who, when, from
// where and why; the database refuses UPDATE and DELETE on the trail and on the entry tables.
const AT = new Date('2026-06-30T09:15:00.000Z');
const d = date;
const buyer = { id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 30 };
const allocation: Allocation = {
  kind: 'payment',
  entryId: 'P-1',
  documentNumber: 'I-1',
  buyerId: 'B1',
  date: d('2024-02-10'),
  delta: -4_000n,
  currency: EUR,
};

/** Each write kind, and the audit row it must leave (action, entity, reason). */
const WRITES: readonly [string, (tx: LedgerWrites) => Promise<unknown>, Record<string, unknown>][] = [
  ['buyer', (tx) => tx.upsertBuyers([{ ...buyer, paymentTermsDays: 45 }]), { action: 'upsert', entityId: 'B1' }],
  [
    'document',
    (tx) => tx.insertDocuments([invoice('I-2')]),
    { action: 'record', entityKind: 'document', entityId: 'I-2' },
  ],
  [
    'payment',
    (tx) => tx.insertPayments([payment('P-1', { amount: 4_000n })]),
    { action: 'record', entityKind: 'payment', entityId: 'P-1', details: expect.objectContaining({ amount: '4000' }) },
  ],
  [
    'write-off',
    (tx) =>
      tx.insertWriteOffs([
        {
          id: 'W-1',
          documentNumber: 'I-1',
          date: d('2024-03-01'),
          amount: 1_000n,
          reason: 'goodwill',
          idempotencyKey: 'w',
          contentHash: 'h',
        },
      ]),
    { action: 'write_off', entityKind: 'document', entityId: 'I-1', reason: 'goodwill' },
  ],
  [
    'reversal',
    (tx) =>
      tx.insertReversals([
        {
          id: 'R-1',
          kind: 'write_off',
          targetId: 'W-1',
          date: d('2024-03-02'),
          reason: 'typo',
          idempotencyKey: 'r',
          contentHash: 'h',
        },
      ]),
    { action: 'reverse', entityKind: 'write_off', entityId: 'W-1', reason: 'typo' },
  ],
  [
    'cash application',
    (tx) =>
      tx.insertCashApplications([
        {
          id: 'CA-1',
          kind: 'apply',
          paymentId: 'P-1',
          to: 'I-2',
          amount: 100n,
          date: d('2024-02-11'),
          by: 'anna',
          idempotencyKey: 'ca',
          contentHash: 'h',
        },
      ]),
    { action: 'cash_apply', entityKind: 'payment', entityId: 'P-1' },
  ],
  [
    'limit request',
    (tx) =>
      tx.appendLimitEvent({
        buyerId: 'B1',
        kind: 'request',
        amount: 50_000n,
        currency: EUR,
        validFrom: d('2026-06-30'),
        by: 'ben',
        reason: 'new contract',
        recordedOn: d('2026-06-30'),
      }),
    { action: 'limit_request', entityKind: 'buyer', entityId: 'B1', reason: 'new contract' },
  ],
  [
    'credit hold',
    (tx) =>
      tx.appendHold({
        buyerId: 'B1',
        action: 'hold',
        reason: 'cheque bounced',
        by: 'anna',
        recordedOn: d('2026-06-30'),
      }),
    { action: 'hold', entityKind: 'buyer', entityId: 'B1', reason: 'cheque bounced' },
  ],
  [
    'grade',
    (tx) =>
      tx.upsertGrades([
        {
          buyerId: 'B1',
          asOf: d('2026-06-30'),
          grade: { grade: 4, pd: 0.02, tier: 'medium', coverage: [], reasons: [] } as never,
        },
      ]),
    { action: 'grade', entityKind: 'buyer', entityId: 'B1' },
  ],
  [
    'grade override',
    (tx) =>
      tx.appendGradeOverride({
        buyerId: 'B1',
        action: 'override',
        grade: 3,
        tier: 'low',
        pd: 0.0035,
        until: d('2026-12-31'),
        reason: 'parent guarantee',
        by: 'cora',
        recordedOn: d('2026-06-30'),
      }),
    {
      action: 'grade_override',
      entityKind: 'buyer',
      entityId: 'B1',
      reason: 'parent guarantee',
      details: expect.objectContaining({ grade: 3, until: '2026-12-31', by: 'cora' }),
    },
  ],
  [
    'grade override removed',
    (tx) =>
      tx.appendGradeOverride({
        buyerId: 'B1',
        action: 'clear',
        reason: 'guarantee withdrawn',
        by: 'cora',
        recordedOn: d('2026-06-30'),
      }),
    { action: 'grade_override_clear', entityKind: 'buyer', entityId: 'B1', reason: 'guarantee withdrawn' },
  ],
  [
    'policy change',
    (tx) => tx.appendPolicyVersion({ kind: 'check', body: { referFromGrade: 7 }, reason: 'tighter', by: 'cora' }),
    {
      action: 'policy_set',
      entityKind: 'policy',
      entityId: 'check',
      reason: 'tighter',
      details: { version: 1, by: 'cora' },
    },
  ],
  [
    'dispute',
    (tx) =>
      tx.appendCollectionEvents([
        {
          kind: 'dispute_opened',
          buyerId: 'B1',
          date: d('2026-06-30'),
          by: 'anna',
          id: 'DSP-1',
          documents: ['I-1'],
          reason: 'price',
          owner: 'ben',
          notes: '',
        },
      ]),
    { action: 'dispute_opened', entityKind: 'buyer', entityId: 'B1', reason: 'price' },
  ],
  [
    'dispute resolved',
    (tx) =>
      tx.appendCollectionEvents([
        {
          kind: 'dispute_resolved',
          buyerId: 'B1',
          date: d('2026-06-30'),
          by: 'ben',
          id: 'DSP-1',
          outcome: 'credit_note',
          creditNote: 'CN-9',
          notes: '',
        },
      ]),
    { action: 'dispute_resolved', entityKind: 'buyer', entityId: 'B1', reason: 'credit_note by credit note CN-9' },
  ],
  [
    'promise',
    (tx) =>
      tx.appendCollectionEvents([
        {
          kind: 'promise_made',
          buyerId: 'B1',
          date: d('2026-06-30'),
          by: 'anna',
          id: 'PRM-1',
          amount: 500n,
          currency: EUR,
          promisedDate: d('2026-07-10'),
          graceDays: 3,
          documents: [],
          notes: 'by phone',
        },
      ]),
    {
      action: 'promise_made',
      entityKind: 'buyer',
      reason: 'by phone',
      details: expect.objectContaining({ amount: '500' }),
    },
  ],
  [
    'plan',
    (tx) =>
      tx.appendCollectionEvents([
        {
          kind: 'plan_created',
          buyerId: 'B1',
          date: d('2026-06-30'),
          by: 'anna',
          id: 'PLN-1',
          currency: EUR,
          documents: ['I-1'],
          instalments: [],
          graceDays: 5,
          notes: '',
        },
      ]),
    { action: 'plan_created', entityKind: 'buyer', entityId: 'B1' },
  ],
  [
    'fx rate',
    (tx) =>
      tx.insertFxRates([
        { date: d('2026-06-30'), from: EUR, to: 'USD' as never, rate: { coefficient: 108n, scale: 2 } },
      ]),
    { action: 'record', entityKind: 'fx_rate', entityId: '2026-06-30 EUR/USD' },
  ],
  [
    'dunning run',
    (tx) => tx.recordDunningRun({ asOf: d('2026-06-30'), confirmed: true, letters: 0 }),
    { action: 'dunning_run' },
  ],
];

for (const target of targets()) {
  describe(`audit trail on ${target.name}`, () => {
    const h = useTarget(target);

    it('records one row per write, with who, when, from where and why, in the same transaction', async () => {
      const cli = storeOn(h().engine, { by: 'anna', now: () => AT });
      const api = cli.withActor({ by: 'erp-bot', channel: 'api', tokenId: 'tok_x' });
      await cli.transact(async (tx) => {
        await tx.upsertBuyers([buyer]);
        await tx.insertDocuments([invoice('I-1')]);
      });
      for (const [name, write, expected] of WRITES) {
        const before = (await cli.auditEntries({})).length;
        await api.transact(write);
        const after = await cli.auditEntries({});
        expect(after.length, name).toBe(before + 1);
        expect(after.at(-1), name).toMatchObject({
          actor: 'erp-bot',
          channel: 'api',
          tokenId: 'tok_x',
          at: AT,
          ...expected,
        });
      }
      // Allocation rows belong to the entry that wrote them: counted, not a row each.
      const before = (await cli.auditEntries({})).length;
      await cli.transact((tx) => tx.insertAllocations([allocation]));
      expect((await cli.auditEntries({})).length).toBe(before);
      // A transaction that fails leaves no audit row.
      await expect(
        cli.transact(async (tx) => {
          await tx.insertDocuments([invoice('I-9')]);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await listAudit(cli, { entity: 'document:I-9' })).toEqual([]);
      expect((await listAudit(cli, { entity: 'document:I-1', user: 'anna' })).map((e) => e.channel)).toEqual(['cli']);
    });

    it('records users: added, token issued, revoked', async () => {
      const store = storeOn(h().engine, { by: 'root', now: () => AT });
      const added = await addUser(store, { name: 'carla', role: 'collector' });
      expect(added.ok).toBe(true);
      expect((await addUser(store, { name: 'carla', role: 'sales' })).ok).toBe(false);
      expect((await revokeUser(store, 'carla', 'left the company')).ok).toBe(true);
      const trail = await listAudit(store, { entity: 'user:carla' });
      expect(trail.map((e) => [e.action, e.actor])).toEqual([
        ['user_add', 'root'],
        ['token_issue', 'root'],
        ['user_revoke', 'root'],
      ]);
      expect(trail[2]?.reason).toBe('left the company');
      expect(trail[1]?.details).toEqual({ tokenId: added.ok ? added.value.tokenId : '' });
      expect(JSON.stringify(trail)).not.toContain(added.ok ? added.value.token : '?');
    });

    it('records an import from a file as one row with the counts', async () => {
      const store = storeOn(h().engine, { by: 'anna', source: 'march.csv', now: () => AT });
      await store.transact(async (tx) => {
        await tx.insertDocuments([invoice('I-10'), invoice('I-11')]);
        await tx.insertPayments([payment('P-10')]);
      });
      expect(await listAudit(store, { entity: 'import:march.csv' })).toMatchObject([
        { action: 'import', details: { source: 'march.csv', counts: { document: 2, payment: 1 } } },
      ]);
      expect(await listAudit(store, { entity: 'document:I-10' })).toEqual([]);
    });

    it('filters by time window, entity kind and user', async () => {
      const late = new Date('2026-07-01T08:00:00Z');
      const store = storeOn(h().engine, { by: 'dora', now: () => late });
      await store.transact((tx) => tx.upsertBuyers([{ ...buyer, id: 'B7' }]));
      expect((await listAudit(store, { from: late })).map((e) => e.entityId)).toEqual(['B7']);
      expect((await listAudit(store, { to: late })).some((e) => e.entityId === 'B7')).toBe(false);
      expect((await listAudit(store, { user: 'dora', entity: 'buyer' })).length).toBe(1);
      expect((await listAudit(store, { limit: 1 })).map((e) => e.actor)).toEqual(['dora']);
    });

    it('refuses UPDATE and DELETE on the audit trail and on every entry table', async () => {
      const db = h().engine.db;
      await expect(sql`update audit_log set actor = 'mallory'`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
      for (const table of ENTRY_TABLES) {
        const { rows } = await sql<{ n: unknown }>`select count(*) as n from ${sql.table(table)}`.execute(db);
        if (Number(rows[0]?.n) === 0) continue; // a trigger fires per row: proven where a row exists
        await expect(sql`delete from ${sql.table(table)}`.execute(db), table).rejects.toThrow(/append-only/);
      }
      for (const table of [
        'cash_applications',
        'collection_events',
        'limit_events',
        'credit_holds',
        'fx_rates',
        'grade_overrides',
        'policy_versions',
      ]) {
        await expect(sql`delete from ${sql.table(table)}`.execute(db), table).rejects.toThrow(/append-only/);
      }
      await expect(sql`update limit_events set amount = 1`.execute(db)).rejects.toThrow(/append-only/);
    });
  });
}

describe('the audited write layer', () => {
  it('audits every write of LedgerWrites but the listed reads and bookkeeping', () => {
    const fake = {} as Record<string, unknown>;
    const reads = new Set(Object.keys(readsOn(fake as never)));
    // Writes that change no money or risk: delivery bookkeeping (letters, webhooks), the worklist's snapshot, a
    // transaction's lock, the job queue's claims and outcomes, the credit check's record of a hold or referral
    // (a decision on an order, not a change: its row says who checked and when), the daily cycle's record of its
    // steps and the lease of the run holding a date, a cash forecast kept for its accuracy and an alert digest sent
    // (bookkeeping, not a change of money or risk).
    const notAudited = new Set([
      'appendCreditCheckResult',
      'saveWorklistTasks',
      'recordDelivery',
      'claimOutbox',
      'lock',
      'lockAll',
      'recordDailyStep',
      'holdDailyRun',
      'releaseDailyRun',
      'appendCashForecast',
      'saveAlertDigest',
      'claimJob',
      'extendJobLease',
      'settleJob',
      'claimWebhookDeliveries',
      'recordWebhookOutcome',
    ]);
    const finders = new Set([
      'findExternalGrades',
      'findOrders',
      'findStatements',
      'findCashApplications',
      'allocationsOf',
      'findWriteOffs',
      'findReversals',
      'reversalOf',
      'storedHashes',
      'unknownBuyers',
      'documentMismatches',
      'hasEntries',
    ]);
    // Built on a connection never used: the closures are only compared, not called.
    const base = writesOn({ db: fake, copy: () => Promise.resolve() } as never, { recordedBy: 'x', recordedAt: AT });
    const methods = Object.keys(base);
    expect(methods.length).toBeGreaterThan(reads.size);
    const wrapped = audited(base, new TransactionAudit(undefined)) as unknown as Record<string, unknown>;
    for (const k of methods) {
      if (reads.has(k) || finders.has(k) || notAudited.has(k)) continue;
      expect(wrapped[k], k).not.toBe((base as unknown as Record<string, unknown>)[k]);
    }
  });

  it('collapses a large transaction into one summary row', () => {
    const audit = new TransactionAudit(undefined);
    for (let i = 0; i <= BULK_AUDIT_ROWS; i++)
      audit.add('grade', 1, () => [{ action: 'grade', entityKind: 'buyer', entityId: `B${i}`, details: {} }]);
    audit.add('allocation', 5);
    const rows = audit.rows({ at: AT, actor: 'anna', channel: 'cli' });
    expect(rows).toEqual([
      {
        at: AT,
        actor: 'anna',
        channel: 'cli',
        action: 'bulk',
        entityKind: 'bulk',
        entityId: AT.toISOString(),
        details: { counts: { allocation: 5, grade: BULK_AUDIT_ROWS + 1 } },
      },
    ]);
  });
});
