import { date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { runDunning } from '../src/collections/run-dunning';
import { importDocuments } from '../src/import/import-documents';
import { buyer, INVOICE_HEADER, seedBuyers, source } from './fixtures';
import { MemoryStore } from './memory-store';
import { worklistSetup } from './worklist-fixtures';

const { policy, company, rates } = worklistSetup();

describe('runDunning and the clock', () => {
  it('refuses a live run dated after today, records nothing; a dry run previews that date', async () => {
    const store = new MemoryStore();
    await seedBuyers(store, [buyer('B1')]);
    const invoices = source('i.csv', INVOICE_HEADER, [['I-1', 'B1', '2026-01-01', '2026-03-01', '1000.00', 'EUR']]);
    expect((await importDocuments(store, invoices)).ok).toBe(true);
    const day = { asOf: date('2026-03-31'), policy, company, rates };
    const today = date('2026-03-30');
    expect(await runDunning(store, { ...day, dryRun: false, confirm: true, today })).toEqual({
      ok: false,
      error: { code: 'invalid_argument', params: { reason: 'run_in_future', value: '2026-03-31', today } },
    });
    expect(await store.latestLetterDate()).toBeUndefined();
    const preview = await runDunning(store, { ...day, dryRun: true, today });
    expect(preview.ok && preview.value.actions.map((a) => [a.buyerId, a.level])).toEqual([['B1', 'formal']]);
    expect(await store.latestLetterDate()).toBeUndefined();
    const live = await runDunning(store, { ...day, dryRun: false, confirm: true, today: day.asOf });
    expect(live.ok && live.value.letters.map((l) => l.letter.date)).toEqual(['2026-03-31']);
    expect(await store.latestLetterDate()).toBe('2026-03-31');
  });
});
