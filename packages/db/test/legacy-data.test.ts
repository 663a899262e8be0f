import { type Company, caseFile, importBuyers, importDocuments, runDunning, type Store } from '@credence/app';
import { type Buyer, type DunningPolicy, date, parseRateTables, type Result } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { EUR, invoice, rowFile } from './fixtures';
import { targets, useTarget } from './harness';

// Data stored before imports checked ids and lengths (or written around them) on the real stores: it is kept as
// it is, a dunning run still works over it, and an import can no longer add more of it.
const HUGE = 'Nordwind Logistik '.repeat(6000).slice(0, 100_000);
const LEGACY: readonly Buyer[] = [
  { id: '../../x', name: HUGE, country: 'DE', currency: EUR, paymentTermsDays: 30, address: `${HUGE} | Hamburg` },
  { id: '..\\CON', name: 'Backslash GmbH', country: 'DE', currency: EUR, paymentTermsDays: 30 },
];
const policy: DunningPolicy = {
  id: 'default',
  minimumOverdue: '0.00',
  // A formal notice, then the agency (which always needs one first); a first run sends without confirmation.
  levels: [
    { id: 'formal', offsetDays: 15, channel: 'letter', tone: 'warning', fee: '0', deadlineDays: 10 },
    { id: 'agency', offsetDays: 60, channel: 'agency', tone: 'final', fee: '0', deadlineDays: 0 },
  ],
  segments: [],
  firstRun: 'send',
};
const company: Company = {
  name: 'Nordlicht Handels GmbH',
  address: ['Hafenstraße 12', '20457 Hamburg'],
  bankAccount: { bankName: 'Hamburger Sparkasse', accountName: 'Nordlicht', iban: 'DE02200505501015871393' },
  contact: { name: 'Anna Berg', email: 'credit@nordlicht.example' },
  language: 'en',
  interestRegime: 'none',
  promiseGraceDays: 3,
  planGraceDays: 5,
};
const parsed = parseRateTables({ ecb: {}, boe: {}, 'de-base': {} });
if (!parsed.ok) throw new Error('rates');
const rates = parsed.value;
const asOf = date('2026-03-31');

async function must<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

async function seed(store: Store) {
  await store.transact(async (tx) => {
    await tx.upsertBuyers(LEGACY);
    await tx.insertDocuments([
      invoice('X-1', { buyerId: '../../x', issueDate: date('2026-01-01'), dueDate: date('2026-01-15') }),
      invoice('C-1', { buyerId: '..\\CON', issueDate: date('2026-01-01'), dueDate: date('2026-01-15') }),
    ]);
  });
}

describe.each(targets())('legacy ids and over-long text on $name', (target) => {
  const h = useTarget(target);

  it('keeps them as stored, and a dunning run and a case file work over them', async () => {
    await h().reset();
    await seed(h().store);
    expect(await h().store.getBuyer('../../x')).toMatchObject({ id: '../../x', name: HUGE });
    const run = await must(runDunning(h().store, { asOf, policy, company, rates, dryRun: false }));
    expect(run.actions.map((a) => `${a.buyerId}:${a.level}`).sort()).toEqual(['../../x:formal', '..\\CON:formal']);
    // The formal notice's deadline passed: the agency level, with its case file in the outbox.
    const later = await must(
      runDunning(h().store, { asOf: date('2026-04-15'), policy, company, rates, dryRun: false }),
    );
    expect(later.actions.map((a) => `${a.buyerId}:${a.level}`).sort()).toEqual(['../../x:agency', '..\\CON:agency']);
    const letter = run.letters.find((l) => l.letter.debtor.id === '../../x')?.letter;
    expect(letter?.debtor.name).toBe(HUGE);
    const file = await must(caseFile(h().store, { buyerId: '../../x', asOf, level: 'agency', company, rates }));
    expect(file.documents.map((d) => d.number)).toEqual(['X-1']);
  });

  it('no longer lets an import add such ids or text: row errors, nothing written', async () => {
    await h().reset();
    const cols = ['buyer_id', 'name', 'country', 'currency', 'payment_terms_days'];
    const buyers = await importBuyers(
      h().store,
      rowFile('b.csv', cols, [
        ['B1', 'Alpha', 'DE', 'EUR', '30'],
        ['../../x', 'Path', 'DE', 'EUR', '30'],
        ['B3', HUGE, 'DE', 'EUR', '30'],
      ]),
    );
    expect(buyers.ok ? [] : buyers.error.errors.map((e) => [e.row, e.column, e.params.reason])).toEqual([
      [3, 'buyer_id', 'path_separator'],
      [4, 'name', 'too_long'],
    ]);
    expect(await h().store.listBuyers()).toEqual([]);
    const docs = await importDocuments(
      h().store,
      rowFile(
        'i.csv',
        ['document_number', 'buyer_id', 'issue_date', 'due_date', 'amount', 'currency'],
        [['..', 'B1', '2026-01-01', '2026-01-31', '1.00', 'EUR']],
      ),
    );
    expect(docs.ok ? [] : docs.error.errors.map((e) => [e.row, e.column, e.params.reason])).toEqual([
      [2, 'document_number', 'dot_name'],
    ]);
  });
});
