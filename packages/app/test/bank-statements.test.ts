import { type BankStatement, type BankStatementLine, type CurrencyCode, date } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { importBankStatement } from '../src/bank-statements/import-bank-statement';
import { MemoryStore } from './memory-store';

const EUR = 'EUR' as CurrencyCode;
const IBAN = 'DE89370400440532013000';
const line = (entry: number, amount: bigint, more: Partial<BankStatementLine> = {}): BankStatementLine => ({
  entry,
  amount,
  currency: EUR,
  creditDebit: 'credit',
  bookingDate: date('2026-03-02'),
  valueDate: date('2026-03-02'),
  remittance: `INV-${entry}`,
  reversal: false,
  ...more,
});
const statement = (more: Partial<BankStatement> = {}): BankStatement => ({
  format: 'camt.053',
  account: IBAN,
  currency: EUR,
  statementId: 'S-1',
  sequence: '1',
  opening: { amount: 1000n, creditDebit: 'credit', date: date('2026-03-01') },
  closing: { amount: 1300n, creditDebit: 'credit', date: date('2026-03-02') },
  lines: [
    line(1, 500n),
    line(2, 100n, { creditDebit: 'debit' }),
    line(3, 100n, { creditDebit: 'debit', reversal: true }),
    line(4, 50n, { returnReason: 'AC04' }),
    line(5, 50n, { creditDebit: 'debit' }),
  ],
  ...more,
});

let store: MemoryStore;
beforeEach(() => {
  store = new MemoryStore();
});

describe('importBankStatement', () => {
  it('stores the statement and its lines; only plain credits wait for matching, the rest is kept, ignored', async () => {
    const r = await importBankStatement(store, [statement()]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [s] = r.value.statements;
    expect(s).toMatchObject({ outcome: 'imported', lines: 5, unmatched: 1, ignored: 4 });
    const lines = await store.bankStatementLines(s?.id ?? '');
    expect(lines.map((l) => [l.line, l.status, l.ignoredReason])).toEqual([
      [1, 'unmatched', undefined],
      [2, 'ignored', 'debit'],
      [3, 'ignored', 'reversal'],
      [4, 'ignored', 'return'],
      [5, 'ignored', 'debit'],
    ]);
  });

  it('a re-import is skipped and reported: the same key, or the same content under another id', async () => {
    await importBankStatement(store, [statement()]);
    const again = await importBankStatement(store, [statement()]);
    expect(again.ok && again.value.statements[0]).toMatchObject({
      outcome: 'skipped',
      skipped: { reason: 'same_statement' },
    });
    const renamed = await importBankStatement(store, [statement({ statementId: 'S-1-COPY' })]);
    expect(renamed.ok && renamed.value.statements[0]).toMatchObject({
      outcome: 'skipped',
      skipped: { reason: 'same_content' },
    });
    const sameKeyOtherLines = await importBankStatement(store, [statement({ lines: [line(1, 300n)] })]);
    expect(sameKeyOtherLines.ok && sameKeyOtherLines.value.statements[0]?.outcome).toBe('skipped');
    // Twice in one file: the second is skipped too.
    const s2 = statement({ statementId: 'S-2', lines: [line(1, 300n)] });
    const twice = await importBankStatement(store, [s2, s2]);
    expect(twice.ok && twice.value.statements.map((s) => s.outcome)).toEqual(['imported', 'skipped']);
  });

  it('a wrong balance refuses the whole file, naming the statement; nothing is stored', async () => {
    const bad = statement({
      statementId: 'S-BAD',
      closing: { amount: 1301n, creditDebit: 'credit', date: date('2026-03-02') },
    });
    const r = await importBankStatement(store, [statement({ statementId: 'S-OK' }), bad]);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toEqual([
        expect.objectContaining({
          statement: `${IBAN} / S-BAD / 1`,
          params: expect.objectContaining({ reason: 'balance_mismatch' }),
        }),
      ]);
    expect(store.commits).toBe(0);
  });

  it('lines of an account buyers do not pay into are ignored; --account fills or checks the account', async () => {
    const r = await importBankStatement(store, [statement()], { receivableAccounts: ['DE00 0000 0000 0000 0000 00'] });
    expect(r.ok && r.value.statements[0]).toMatchObject({ unmatched: 0, ignored: 5 });
    const none = await importBankStatement(store, [statement({ account: '', statementId: 'S-9' })]);
    expect(none.ok ? [] : none.error.map((e) => e.code)).toEqual(['missing_field']);
    const filled = await importBankStatement(store, [statement({ account: '', statementId: 'S-9' })], {
      account: 'de89 3704 0044 0532 0130 00',
    });
    expect(filled.ok && filled.value.statements[0]?.account).toBe(IBAN);
    const other = await importBankStatement(store, [statement({ statementId: 'S-10' })], {
      account: 'DE02120300000000202051',
    });
    expect(other.ok ? [] : other.error.map((e) => e.code)).toEqual(['invalid_argument']);
  });
});
