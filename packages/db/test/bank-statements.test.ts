import { importBankStatement } from '@credence/app';
import { type BankStatement, type BankStatementLine, type BusinessDate, type CurrencyCode, date } from '@credence/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { targets, useTarget } from './harness';

// Issue 16, item 1: bank statements stored once (key and content hash), lines round-tripped, all or nothing.
const EUR = 'EUR' as CurrencyCode;
const IBAN = 'DE89370400440532013000';
const BIG = 9_007_199_254_740_993n; // 2^53 + 1: must survive both stores.
const line = (entry: number, amount: bigint, more: Partial<BankStatementLine> = {}): BankStatementLine => ({
  entry,
  amount,
  currency: EUR,
  creditDebit: 'credit',
  bookingDate: date('2026-03-02'),
  valueDate: date('2026-03-03'),
  remittance: `INV-${entry}, "quoted", a\\b`,
  reversal: false,
  ...more,
});
const statement = (id: string, lines: BankStatementLine[]): BankStatement => {
  const movement = lines.reduce((s, l) => s + (l.creditDebit === 'credit' ? l.amount : -l.amount), 0n);
  return {
    format: 'camt.053',
    version: '001.08',
    account: IBAN,
    currency: EUR,
    statementId: id,
    sequence: '7',
    createdAt: '2026-03-02T18:00:00',
    opening: { amount: 500n, creditDebit: 'debit', date: date('2026-03-01') },
    closing: {
      amount: movement - 500n < 0n ? 500n - movement : movement - 500n,
      creditDebit: movement - 500n < 0n ? 'debit' : 'credit',
      date: date('2026-03-02'),
    },
    lines,
  };
};
const LINES = [
  line(1, BIG, {
    payerName: 'Müller GmbH',
    payerIban: 'DE02120300000000202051',
    payerBic: 'BYLADEM1001',
    structuredRef: 'RF18539007547034',
    endToEndId: 'E2E-1',
    bankRef: 'B-1',
  }),
  line(2, 100n, { transaction: 1, creditDebit: 'debit', remittance: '' }),
  line(2, 40n, { transaction: 2, reversal: true, creditDebit: 'debit' }),
  line(3, 7n, { returnReason: 'AC04' }),
];

for (const target of targets()) {
  describe(`bank statements on ${target.name}`, () => {
    const h = useTarget(target);

    it('stores a statement with its lines as given, and audits the import', async () => {
      const { reset, engine } = h();
      await reset();
      const store = storeOn(engine, { by: 'cora', now: () => new Date('2026-03-03T08:00:00Z'), source: 'march.xml' });
      const r = await importBankStatement(store, [statement('S-1', LINES)]);
      expect(r.ok).toBe(true);
      const id = r.ok ? (r.value.statements[0]?.id ?? '') : '';
      const [stored] = await store.bankStatementsLike([{ account: IBAN, statementId: 'S-1', sequence: '7' }], []);
      expect(stored).toMatchObject({
        id,
        format: 'camt.053',
        version: '001.08',
        sequence: '7',
        opening: { amount: 500n, creditDebit: 'debit', date: '2026-03-01' },
        lineCount: 4,
        source: 'march.xml',
        recordedBy: 'cora',
      });
      const lines = await store.bankStatementLines(id);
      expect(lines.map(({ statement: _, line: __, status: ___, ignoredReason: ____, ...l }) => l)).toEqual(LINES);
      expect(lines.map((l) => [l.status, l.ignoredReason])).toEqual([
        ['unmatched', undefined],
        ['ignored', 'debit'],
        ['ignored', 'reversal'],
        ['ignored', 'return'],
      ]);
      const audit = await store.auditEntries({});
      expect(audit.map((a) => [a.action, a.entityKind, a.entityId])).toContainEqual(['import', 'import', 'march.xml']);
    });

    it('a statement is stored once: the same key or the same content is skipped; the database refuses a double', async () => {
      const { reset, engine, store } = h();
      await reset();
      await importBankStatement(store, [statement('S-1', LINES)]);
      const again = await importBankStatement(store, [statement('S-1', LINES), statement('S-1-RESENT', LINES)]);
      expect(again.ok && again.value.statements.map((s) => s.skipped?.reason)).toEqual([
        'same_statement',
        'same_content',
      ]);
      const n = await sql<{ n: string }>`select count(*)::text as n from bank_statement_lines`.execute(engine.db);
      expect(n.rows[0]?.n).toBe('4');
      // The unique index on (account, statement id, sequence) holds even past the use case.
      await expect(
        store.transact((tx) =>
          tx.insertBankStatement({ ...statement('S-1', []), id: 'BST-other', contentHash: 'other', lineCount: 0 }, []),
        ),
      ).rejects.toThrow();
    });

    it('all or nothing: a failure while writing leaves no statement behind', async () => {
      const { reset, engine, store } = h();
      await reset();
      const bad = { ...line(1, 5n), currency: 'EUR' as CurrencyCode, bookingDate: '2026-02-30' as BusinessDate };
      await expect(
        store.transact(async (tx) => {
          await tx.insertBankStatement({ ...statement('S-X', []), id: 'BST-x', contentHash: 'x', lineCount: 1 }, [
            { ...bad, statement: 'BST-x', line: 1, status: 'unmatched' },
          ]);
        }),
      ).rejects.toThrow();
      const n = await sql<{ n: string }>`select count(*)::text as n from bank_statements`.execute(engine.db);
      expect(n.rows[0]?.n).toBe('0');
    });
  });
}
