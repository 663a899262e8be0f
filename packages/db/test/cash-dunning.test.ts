import { type Company, importBankStatement, importDocuments, runDunning } from '@credence/app';
import {
  type BankStatementLine,
  type DunningPolicy,
  date,
  formatRf,
  letterReference,
  parseRateTables,
} from '@credence/core';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { EUR, rowFile as file } from './fixtures';
import { targets, useTarget } from './harness';

// Issue 16: before the daily dunning run the day's statements are applied; a paid invoice is never dunned after its
// statement was imported, and an item a line in review probably pays waits, with the reason.
const policy: DunningPolicy = {
  id: 'default',
  minimumOverdue: '50.00',
  levels: [{ id: 'friendly', offsetDays: 1, channel: 'email', tone: 'reminder', fee: '0', deadlineDays: 10 }],
  segments: [],
  firstRun: 'send',
} as DunningPolicy;
const company = {
  name: 'Nordlicht Handels GmbH',
  address: ['Hafenstraße 12', '20457 Hamburg'],
  bankAccount: { bankName: 'Haspa', accountName: 'Nordlicht', iban: 'DE02200505501015871393' },
  contact: { name: 'Anna Berg', email: 'credit@nordlicht.example' },
  language: 'en',
  interestRegime: 'eu',
  promiseGraceDays: 3,
  planGraceDays: 5,
} as Company;
const rates = parseRateTables({ ecb: { '2024-H2': '3.75' }, boe: {}, 'de-base': {} });
const asOf = date('2024-07-01');
const line = (entry: number, amount: bigint, more: Partial<BankStatementLine>): BankStatementLine => ({
  entry,
  amount,
  currency: EUR,
  creditDebit: 'credit',
  bookingDate: asOf,
  valueDate: asOf,
  remittance: '',
  reversal: false,
  ...more,
});

for (const target of targets()) {
  describe(`dunning after the day's statement on ${target.name}`, () => {
    const h = useTarget(target);

    it('does not dun the paid invoice; holds the one a line in review probably pays', async () => {
      const { reset, engine } = h();
      await reset();
      if (!rates.ok) throw new Error('rates');
      const store = storeOn(engine, { by: 'cora', now: () => new Date('2024-07-01T09:00:00Z') });
      await store.transact((tx) =>
        tx.upsertBuyers([
          {
            id: 'B1',
            name: 'Blue Ocean Trading Ltd',
            country: 'GB',
            currency: EUR,
            paymentTermsDays: 30,
            email: 'a@b.example',
          },
          {
            id: 'B2',
            name: 'Nordwind Logistik GmbH',
            country: 'DE',
            currency: EUR,
            paymentTermsDays: 30,
            email: 'c@d.example',
          },
        ]),
      );
      const docs = await importDocuments(
        store,
        file(
          'i.csv',
          ['document_number', 'buyer_id', 'type', 'issue_date', 'due_date', 'amount', 'currency'],
          [
            ['INV-101', 'B1', 'invoice', '2024-04-01', '2024-05-01', '1200.00', 'EUR'],
            ['INV-102', 'B1', 'invoice', '2024-04-15', '2024-05-15', '800.00', 'EUR'],
            ['RE-240', 'B2', 'invoice', '2024-05-10', '2024-06-09', '300.00', 'EUR'],
            ['RE-241', 'B2', 'invoice', '2024-05-12', '2024-06-11', '300.00', 'EUR'],
          ],
        ),
      );
      expect(docs.ok).toBe(true);
      // Imported, not matched yet (as `import --no-match` or an upload leaves it).
      const imported = await importBankStatement(store, [
        {
          format: 'camt.054',
          account: 'DE02200505501015871393',
          currency: EUR,
          statementId: 'N-1',
          lines: [
            line(1, 120000n, { payerName: 'Blue Ocean Trading Ltd', remittance: 'INV-101' }),
            line(2, 30000n, { payerName: 'Nordwind Logistik GmbH' }),
          ],
        },
      ]);
      expect(imported.ok).toBe(true);
      const r = await runDunning(store, { asOf, policy, company, rates: rates.value, dryRun: false });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      const lettered = r.value.letters.flatMap((l) => l.letter.lines.map((d) => d.number)).sort();
      // INV-101 paid by line 1 (applied before the run); RE-240 proposed by line 2, in review: no letter for either.
      expect(lettered).toEqual(['INV-102', 'RE-241']);
      expect(r.value.skipped).toContainEqual({ number: 'RE-240', buyerId: 'B2', reason: 'cash_in_review' });
      expect((await store.cashLines({})).map((l) => l.state)).toEqual(['applied', 'review']);
    });

    it('a letter paid by its printed reference alone (RF or the letter id) is not dunned again', async () => {
      const { reset, engine } = h();
      await reset();
      if (!rates.ok) throw new Error('rates');
      const store = storeOn(engine, { by: 'cora', now: () => new Date('2024-07-01T09:00:00Z') });
      await store.transact((tx) =>
        tx.upsertBuyers([
          {
            id: 'B1',
            name: 'Blue Ocean Trading Ltd',
            country: 'GB',
            currency: EUR,
            paymentTermsDays: 30,
            email: 'a@b.example',
          },
          {
            id: 'B2',
            name: 'Nordwind Logistik GmbH',
            country: 'DE',
            currency: EUR,
            paymentTermsDays: 30,
            email: 'c@d.example',
          },
        ]),
      );
      const docs = await importDocuments(
        store,
        file(
          'i.csv',
          ['document_number', 'buyer_id', 'type', 'issue_date', 'due_date', 'amount', 'currency'],
          [
            ['INV-101', 'B1', 'invoice', '2024-05-20', '2024-06-19', '1200.00', 'EUR'],
            ['INV-102', 'B1', 'invoice', '2024-05-20', '2024-06-19', '800.00', 'EUR'],
            ['RE-240', 'B2', 'invoice', '2024-05-21', '2024-06-20', '300.00', 'EUR'],
            ['RE-241', 'B2', 'invoice', '2024-05-22', '2024-06-21', '300.00', 'EUR'],
          ],
        ),
      );
      expect(docs.ok).toBe(true);
      const twoLevels = {
        ...policy,
        levels: [
          ...policy.levels,
          { id: 'second', offsetDays: 30, channel: 'email', tone: 'reminder', fee: '0', deadlineDays: 10 },
        ],
      } as DunningPolicy;
      const run = async (day: string, dryRun: boolean) => {
        const r = await runDunning(store, { asOf: date(day), policy: twoLevels, company, rates: rates.value, dryRun });
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        return r.value;
      };
      const first = await run('2024-07-01', false);
      const letterOf = (buyer: string) => first.letters.find((l) => l.letter.debtor.id === buyer)?.letter.id ?? '';
      expect(first.letters.flatMap((l) => l.letter.lines.map((d) => d.number)).sort()).toEqual([
        'INV-101',
        'INV-102',
        'RE-240',
        'RE-241',
      ]);
      // Three weeks on, without the statement, the next level would go to both buyers (the test is not vacuous).
      const unpaid = await run('2024-07-22', true);
      expect(unpaid.letters.flatMap((l) => l.letter.lines.map((d) => d.number)).sort()).toEqual([
        'INV-101',
        'INV-102',
        'RE-240',
        'RE-241',
      ]);
      // The statement: B1 quotes the RF reference its letter printed (as printed, in groups of four), B2 the letter id.
      const imported = await importBankStatement(store, [
        {
          format: 'camt.054',
          account: 'DE02200505501015871393',
          currency: EUR,
          statementId: 'N-2',
          lines: [
            line(1, 200000n, {
              bookingDate: date('2024-07-19'),
              structuredRef: formatRf(letterReference(letterOf('B1'))),
            }),
            line(2, 60000n, {
              bookingDate: date('2024-07-19'),
              payerName: 'NORDWIND LOGISTIK',
              remittance: `Ihre Mahnung ${letterOf('B2')}`,
            }),
          ],
        },
      ]);
      expect(imported.ok).toBe(true);
      const after = await run('2024-07-22', false);
      expect(after.letters).toEqual([]);
      expect((await store.cashLines({})).map((l) => [l.state, l.proposals[0]?.reasons[0]?.code])).toEqual([
        ['applied', 'rf_reference'],
        ['applied', 'credence_reference'],
      ]);
    });
  });
}
