import { date } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { addPromise } from '../src/collections/add-promise';
import { createPlan } from '../src/collections/create-plan';
import { listDisputes } from '../src/collections/list-disputes';
import { listPlans } from '../src/collections/list-plans';
import { listPromises } from '../src/collections/list-promises';
import { openDispute } from '../src/collections/open-dispute';
import { resolveDispute } from '../src/collections/resolve-dispute';
import { importDocuments } from '../src/import/import-documents';
import { buyer, INVOICE_HEADER, seedBuyers, source, USD } from './fixtures';
import { MemoryStore } from './memory-store';

const today = date('2024-03-01');
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

let store: MemoryStore;
beforeEach(async () => {
  store = new MemoryStore();
  await seedBuyers(store, [buyer('B1'), buyer('B2', USD)]);
  const header = [...INVOICE_HEADER, 'type', 'applies_to'];
  must(
    await importDocuments(
      store,
      source('docs.csv', header, [
        ['I1', 'B1', '2024-01-01', '2024-01-31', '1000', 'EUR', 'invoice', ''],
        ['I2', 'B1', '2024-01-02', '2024-02-01', '600', 'EUR', 'invoice', ''],
        ['U1', 'B2', '2024-01-01', '2024-01-31', '300', 'USD', 'invoice', ''],
        ['CN1', 'B2', '2024-02-15', '2024-02-15', '100', 'USD', 'credit_note', 'U1'],
      ]),
    ),
  );
  const d1 = must(
    await openDispute(store, { documents: ['U1'], reason: 'quality', owner: 'ana', notes: '', by: 'ana' }, today),
  );
  must(await resolveDispute(store, { id: d1.id, outcome: 'partial', creditNote: 'CN1', notes: '', by: 'ana' }, today));
  must(await openDispute(store, { documents: ['I1'], reason: 'price', owner: 'bo', notes: '', by: 'bo' }, today));
  must(
    await addPromise(
      store,
      {
        buyerId: 'B1',
        amount: '200',
        date: date('2024-03-10'),
        documents: ['I1'],
        graceDays: 3,
        notes: '',
        by: 'bo',
      },
      today,
    ),
  );
  must(
    await createPlan(
      store,
      {
        buyerId: 'B1',
        documents: ['I2'],
        spec: { kind: 'monthly', count: 2, first: date('2024-03-31') },
        graceDays: 5,
        notes: '',
        by: 'bo',
      },
      today,
    ),
  );
});

describe('listDisputes', () => {
  it('lists every dispute with its resolution and the credit note currency; --open and --buyer filter', async () => {
    const all = await listDisputes(store);
    expect(all.map((d) => [d.buyerId, d.documents, d.resolution?.outcome, d.acceptedCurrency])).toEqual([
      ['B2', ['U1'], 'partial', USD],
      ['B1', ['I1'], undefined, undefined],
    ]);
    expect((await listDisputes(store, { openOnly: true })).map((d) => d.documents)).toEqual([['I1']]);
    expect((await listDisputes(store, { buyerId: 'B2' })).map((d) => d.documents)).toEqual([['U1']]);
    expect(await listDisputes(store, { buyerId: 'NOPE' })).toEqual([]);
  });
});

describe('listPromises and listPlans', () => {
  it('give the promises and plans with their state', async () => {
    const promises = await listPromises(store, { buyerId: 'B1' });
    expect(promises.map((p) => [p.amount, p.currency, p.promisedDate, p.status])).toEqual([
      [200_00n, 'EUR', '2024-03-10', 'open'],
    ]);
    expect(await listPromises(store, { buyerId: 'B2' })).toEqual([]);
    const plans = await listPlans(store, { openOnly: true });
    expect(plans.map((p) => [p.documents, p.status, p.instalments.map((i) => [i.date, i.amount])])).toEqual([
      [
        ['I2'],
        'active',
        [
          ['2024-03-31', 300_00n],
          ['2024-04-30', 300_00n],
        ],
      ],
    ]);
  });
});
