import { addPromise, type Company, importDocuments, refreshWorklist, runDunning, viewWorklist } from '@credence/app';
import { type CurrencyCode, type DunningPolicy, date, type Grade, parseRateTables, type Result } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { counting, withBuyers } from './counting';
import { rowFile } from './fixtures';
import { targets, useTarget } from './harness';

// The worklist reads the portfolio with a bounded number of queries, never one per buyer (issue 14, item 4): a
// worklist built for 30 buyers issues as many statements as one built for 3. Each buyer has an overdue invoice
// lettered by the day's run (a letter to post), a grade, every other buyer a credit note set off against its
// invoice, every third buyer a promise, and the tasks of the day before are kept (carried over and refigured).

const policy = {
  id: 'p',
  minimumOverdue: '0',
  levels: [{ id: 'reminder', offsetDays: 1, channel: 'letter', tone: 'reminder', fee: '0', deadlineDays: 10 }],
  segments: [],
} as unknown as DunningPolicy;
const company: Company = {
  name: 'Nordlicht Handels GmbH',
  address: ['Hafenstraße 12', '20457 Hamburg'],
  bankAccount: { bankName: 'Haspa', accountName: 'Nordlicht Handels GmbH', iban: 'DE02200505501015871393' },
  contact: { name: 'Anna Berg', email: 'credit@nordlicht.example' },
  language: 'en',
  interestRegime: 'eu',
  promiseGraceDays: 3,
  planGraceDays: 5,
};
const parsed = parseRateTables({ ecb: { '2026-H1': '2.15' }, boe: {}, 'de-base': {} });
if (!parsed.ok) throw new Error('rates');
const day = (asOf: string) => ({
  asOf: date(asOf),
  policy,
  company,
  rates: parsed.value,
  currency: 'EUR' as CurrencyCode,
  defaultPd: 0.02,
});
const grade = (g: number, tier: Grade['tier']): Grade => ({
  grade: g,
  pd: g / 100,
  tier,
  confidence: 'low',
  reasons: [],
  missing: [],
});
async function must<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

for (const target of targets()) {
  describe(`the worklist's reads on ${target.name}`, () => {
    const h = useTarget(target);

    const statementsFor = async (buyers: number) => {
      const { engine, store, ids } = await withBuyers(h, buyers);
      const cols = ['document_number', 'buyer_id', 'type', 'issue_date', 'due_date', 'amount', 'currency'];
      const rows = ids.flatMap((id, i) => [
        [`${id}-1`, id, 'invoice', '2026-02-01', '2026-03-01', `${1000 + i}.00`, 'EUR'],
        ...(i % 2 === 0 ? [[`${id}-C`, id, 'credit_note', '2026-03-10', '2026-03-10', '100.00', 'EUR']] : []),
      ]);
      expect((await importDocuments(store, rowFile('i.csv', cols, rows))).ok).toBe(true);
      await store.transact((tx) =>
        tx.upsertGrades(
          ids.map((buyerId, i) => ({ buyerId, asOf: date('2026-03-01'), grade: grade(1 + (i % 9), 'medium') })),
        ),
      );
      // The day before: lettered and the list kept; then promises, one due on the day counted.
      await must(runDunning(store, { ...day('2026-03-30'), dryRun: false }));
      await must(refreshWorklist(store, day('2026-03-30')));
      for (const [i, buyerId] of ids.entries())
        if (i % 3 === 0)
          await must(
            addPromise(
              store,
              {
                buyerId,
                amount: '50.00',
                date: date('2026-03-31'),
                documents: [`${buyerId}-1`],
                graceDays: 3,
                notes: '',
                by: 'carl',
              },
              date('2026-03-30'),
            ),
          );
      const c = counting(engine);
      const before = c.count();
      const list = await must(viewWorklist(storeOn(c.engine, undefined, false), day('2026-03-31')));
      return { statements: c.count() - before, list };
    };

    it('issues as many statements for 30 buyers as for 3, with the same tasks for the same buyers', async () => {
      const small = await statementsFor(3);
      const large = await statementsFor(30);
      console.info(`worklist: ${small.statements} statements for 3 buyers, ${large.statements} for 30`);
      // Every buyer is on the list (its letter of the day before, and its promise due today for every third).
      expect(new Set(large.list.tasks.map((t) => t.buyerId)).size).toBe(30);
      expect(large.list.tasks.filter((t) => t.action === 'check_promise')).toHaveLength(10);
      // Figures as each buyer's net position gives them: B004's invoice less its credit note, B001's whole.
      const letter = (b: string) => large.list.tasks.find((t) => t.buyerId === b && t.action === 'post_letter');
      expect(letter('B004')?.amount).toBe(904_00n);
      expect(letter('B001')?.amount).toBe(1001_00n);
      // B000's promise takes its invoice in hand: its letter's task closes, the promise due today shows.
      expect(letter('B000')).toBeUndefined();
      // Ranked by the PD of each buyer's grade in force: B001's (0.02), B004's (0.05).
      expect(letter('B001')?.pd).toBe(0.02);
      expect(letter('B004')?.pd).toBe(0.05);
      expect(large.statements).toBe(small.statements);
    });
  });
}
