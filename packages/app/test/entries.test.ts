import { type CurrencyCode, date } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { recordPayment } from '../src/entries/record-payment';
import { reverseEntry } from '../src/entries/reverse-entry';
import { writeOffDocument } from '../src/entries/write-off-document';
import { importDocuments } from '../src/import/import-documents';
import { buyer, INVOICE_HEADER, seedBuyers, source } from './fixtures';
import { MemoryStore } from './memory-store';

const EUR = 'EUR' as CurrencyCode;
let store: MemoryStore;
beforeEach(async () => {
  store = new MemoryStore();
  await seedBuyers(store, [buyer('B1')]);
  await importDocuments(
    store,
    source('inv.csv', INVOICE_HEADER, [
      ['A', 'B1', '2024-01-01', '2024-01-31', '100', 'EUR'],
      ['B', 'B1', '2024-01-05', '2024-02-04', '50', 'EUR'],
    ]),
  );
});

const pay = (id: string, amount: bigint, day: string, documentNumber?: string) => ({
  id,
  buyerId: 'B1',
  date: date(day),
  amount,
  currency: EUR,
  ...(documentNumber ? { documentNumber } : {}),
});

describe('recordPayment', () => {
  it('allocates oldest due first, keeps the rest unapplied, and is idempotent', async () => {
    const r = await recordPayment(store, pay('P1', 16000n, '2024-02-10'));
    expect(r).toMatchObject({ ok: true, value: { created: true, unapplied: 1000n } });
    expect(r.ok && r.value.allocations.map((a) => [a.documentNumber, a.delta])).toEqual([
      ['A', -10000n],
      ['B', -5000n],
    ]);
    const again = await recordPayment(store, pay('P1', 16000n, '2024-02-10'));
    expect(again).toMatchObject({ ok: true, value: { created: false, unapplied: 1000n } });
    expect(store.allocations()).toHaveLength(2);
    expect(await recordPayment(store, pay('P1', 15000n, '2024-02-10'))).toMatchObject({
      ok: false,
      error: { code: 'idempotency_conflict' },
    });
  });

  it('settles a named document and refuses unknown buyers and documents', async () => {
    const r = await recordPayment(store, pay('P1', 2000n, '2024-02-10', 'B'));
    expect(r.ok && r.value.allocations.map((a) => a.documentNumber)).toEqual(['B']);
    expect(await recordPayment(store, pay('P2', 1n, '2024-02-10', 'Z'))).toMatchObject({
      error: { code: 'unknown_document' },
    });
    expect(await recordPayment(store, { ...pay('P3', 1n, '2024-02-10'), buyerId: 'X' })).toMatchObject({
      error: { code: 'unknown_buyer' },
    });
    expect((await store.counts()).payments).toBe(1);
  });
});

describe('writeOffDocument', () => {
  it('writes off the open balance by default, dated, and refuses more than is open', async () => {
    await recordPayment(store, pay('P1', 4000n, '2024-02-10', 'A'));
    const r = await writeOffDocument(store, {
      id: 'W1',
      documentNumber: 'A',
      date: date('2024-06-30'),
      reason: 'bankrupt',
    });
    expect(r).toMatchObject({ ok: true, value: { created: true, writeOff: { amount: 6000n } } });
    expect(store.balance('A', date('2024-06-29'))).toBe(6000n);
    expect(store.balance('A', date('2024-06-30'))).toBe(0n);
    const again = await writeOffDocument(store, {
      id: 'W1',
      documentNumber: 'A',
      date: date('2024-06-30'),
      reason: 'bankrupt',
    });
    expect(again).toMatchObject({ ok: true, value: { created: false } });
    expect(
      await writeOffDocument(store, {
        id: 'W2',
        documentNumber: 'B',
        date: date('2024-06-30'),
        amount: 5001n,
        reason: 'x',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_amount' } });
    expect(
      await writeOffDocument(store, { id: 'W1', documentNumber: 'B', date: date('2024-06-30'), reason: 'bankrupt' }),
    ).toMatchObject({ ok: false, error: { code: 'idempotency_conflict' } });
  });
});

describe('reverseEntry', () => {
  it('reverses a payment from the reversal date on, once', async () => {
    await recordPayment(store, pay('P1', 12000n, '2024-02-10'));
    const r = await reverseEntry(store, {
      id: 'R1',
      kind: 'payment',
      targetId: 'P1',
      date: date('2024-03-01'),
      reason: 'bounced',
    });
    expect(r.ok && r.value.allocations.map((a) => [a.documentNumber, a.delta, a.date])).toEqual([
      ['A', 10000n, '2024-03-01'],
      ['B', 2000n, '2024-03-01'],
    ]);
    expect(store.balance('A', date('2024-02-28'))).toBe(0n);
    expect(store.balance('A', date('2024-03-01'))).toBe(10000n);
    expect(await store.unappliedCash(date('2024-02-28'))).toEqual([]);
    const same = await reverseEntry(store, {
      id: 'R1',
      kind: 'payment',
      targetId: 'P1',
      date: date('2024-03-01'),
      reason: 'bounced',
    });
    expect(same).toMatchObject({ ok: true, value: { created: false } });
    const twice = await reverseEntry(store, {
      id: 'R2',
      kind: 'payment',
      targetId: 'P1',
      date: date('2024-03-02'),
      reason: 'r',
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'idempotency_conflict' } });
    expect(store.allocations()).toHaveLength(4);
  });

  it('refuses a second reversal of a payment that moved nothing, under any id', async () => {
    await recordPayment(store, pay('P1', 15000n, '2024-02-10'));
    await recordPayment(store, pay('P2', 700n, '2024-02-11'));
    expect(store.allocations().filter((a) => a.entryId === 'P2')).toEqual([]);
    const first = await reverseEntry(store, {
      id: 'R1',
      kind: 'payment',
      targetId: 'P2',
      date: date('2024-03-01'),
      reason: 'bounced',
    });
    expect(first).toMatchObject({ ok: true, value: { created: true, allocations: [] } });
    const again = await reverseEntry(store, {
      id: 'R2',
      kind: 'payment',
      targetId: 'P2',
      date: date('2024-03-02'),
      reason: 'bounced',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'idempotency_conflict', params: { by: 'R1' } } });
  });

  it('reverses a write-off and refuses unknown entries and dates before the entry', async () => {
    await writeOffDocument(store, { id: 'W1', documentNumber: 'B', date: date('2024-06-30'), reason: 'x' });
    const r = await reverseEntry(store, {
      id: 'R1',
      kind: 'write_off',
      targetId: 'W1',
      date: date('2024-07-15'),
      reason: 'paid after all',
    });
    expect(r.ok).toBe(true);
    expect(store.balance('B', date('2024-07-15'))).toBe(5000n);
    expect(
      await reverseEntry(store, { id: 'R2', kind: 'payment', targetId: 'NOPE', date: date('2024-07-15'), reason: 'r' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await recordPayment(store, pay('P9', 100n, '2024-08-01'));
    expect(
      await reverseEntry(store, { id: 'R3', kind: 'payment', targetId: 'P9', date: date('2024-07-31'), reason: 'r' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_date' } });
  });
});

describe('the why of a correction', () => {
  it('refuses a write-off or a reversal without a reason (the audit trail records it)', async () => {
    const wo = await writeOffDocument(store, { id: 'W1', documentNumber: 'B', date: date('2024-06-30'), reason: ' ' });
    expect(wo).toMatchObject({ ok: false, error: { code: 'missing_field', params: { field: 'reason' } } });
    await writeOffDocument(store, { id: 'W2', documentNumber: 'B', date: date('2024-06-30'), reason: 'insolvent' });
    const rev = await reverseEntry(store, {
      id: 'R1',
      kind: 'write_off',
      targetId: 'W2',
      date: date('2024-07-15'),
      reason: '',
    });
    expect(rev).toMatchObject({ ok: false, error: { code: 'missing_field', params: { field: 'reason' } } });
    expect(store.balance('B', date('2024-07-15'))).toBe(0n);
  });
});
