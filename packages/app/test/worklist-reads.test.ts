import { date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { refreshWorklist } from '../src/collections/refresh-worklist';
import { viewWorklist } from '../src/collections/view-worklist';
import { importDocuments } from '../src/import/import-documents';
import type { Store } from '../src/ports';
import { buyer, INVOICE_HEADER, seedBuyers, source } from './fixtures';
import { MemoryStore } from './memory-store';
import { worklistSetup } from './worklist-fixtures';

// Issue 13: the large demo's worklist read the same portfolio-wide data several times per request.
const asOf = date('2026-03-31');

/** The store, with the number of calls of each of its methods. */
function counted(store: Store): { store: Store; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const wrapped = new Proxy(store, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (typeof v !== 'function' || typeof key !== 'string') return v;
      return (...args: unknown[]) => {
        calls.set(key, (calls.get(key) ?? 0) + 1);
        return v.apply(target, args);
      };
    },
  });
  return { store: wrapped, calls };
}

async function setup() {
  const { policy, company, rates } = worklistSetup();
  const store = new MemoryStore();
  await seedBuyers(store, [buyer('A'), buyer('B')]);
  const rows = ['A', 'B'].map((b) => [`I-${b}`, b, '2026-01-01', '2026-03-01', '1000.00', 'EUR']);
  expect((await importDocuments(store, source('i.csv', INVOICE_HEADER, rows))).ok).toBe(true);
  return { store, day: { asOf, policy, company, rates, currency: buyer('A').currency, defaultPd: 0.02 } };
}

describe('the worklist reads each portfolio-wide input once', () => {
  it('one read of the day’s letters, monitoring facts, collection events, failed deliveries and FX rates', async () => {
    const { store, day } = await setup();
    const { store: watched, calls } = counted(store);
    const r = await viewWorklist(watched, day);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.tasks.map((t) => [t.action, t.buyerId])).toEqual([
      ['post_letter', 'A'],
      ['post_letter', 'B'],
    ]);
    for (const read of ['lettersOn', 'monitoringFacts', 'collectionEvents', 'outboxEntries', 'fxRates'])
      expect([read, calls.get(read)]).toEqual([read, 1]);
  });

  it('a write between two lists is seen: nothing is kept from one list to the next', async () => {
    const { store, day } = await setup();
    const first = await refreshWorklist(store, day);
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    const rows = [['I-C', 'A', '2026-01-01', '2026-02-01', '500.00', 'EUR']];
    expect((await importDocuments(store, source('c.csv', INVOICE_HEADER, rows))).ok).toBe(true);
    const second = await viewWorklist(store, day);
    if (!second.ok) throw new Error(JSON.stringify(second.error));
    const a = (l: typeof first.value) => l.tasks.find((t) => t.buyerId === 'A')?.documents;
    expect(a(first.value)).toEqual(['I-A']);
    expect(a(second.value)).toEqual(expect.arrayContaining(['I-A', 'I-C']));
  });
});
