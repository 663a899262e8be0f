import { type Company, importBankStatement, importDocuments, runDunning } from '@credence/app';
import { type BankStatementLine, type DunningPolicy, date, parseRateTables } from '@credence/core';
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
  });
}
