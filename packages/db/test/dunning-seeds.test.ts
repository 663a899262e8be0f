import { readFileSync } from 'node:fs';
import { type Company, collectorWorklist, importBuyers, importDocuments, runDunning, type Store } from '@credence/app';
import {
  addDays,
  type BusinessDate,
  type CurrencyCode,
  date,
  holdInForce,
  parseDunningPolicy,
  parseRateTables,
} from '@credence/core';
import { describe, expect, it } from 'vitest';
import { rowFile } from './fixtures';
import { targets, useTarget } from './harness';

// The seeds' collection rhythm (packages/runtime/config/dunning-policy-seeds.json, issue 18 item 6) on the real
// stores: repeated reminders, SMS outbox entries to the buyer's phone, a call task with the formal letter, and
// the suspend-supply step putting the buyer on credit hold.
const parsed = parseDunningPolicy(
  JSON.parse(readFileSync(new URL('../../runtime/config/dunning-policy-seeds.json', import.meta.url), 'utf8')),
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
const policy = { ...parsed.value, firstRun: 'send' as const };
const company: Company = {
  name: 'Nordlicht Handels GmbH',
  address: ['Hafenstraße 12', '20457 Hamburg'],
  bankAccount: { bankName: 'Haspa', accountName: 'Nordlicht', iban: 'DE02200505501015871393' },
  contact: { name: 'Anna Berg', email: 'credit@nordlicht.example' },
  language: 'en',
  interestRegime: 'none',
  promiseGraceDays: 3,
  planGraceDays: 5,
};
const rates = parseRateTables({ ecb: {}, boe: {}, 'de-base': {} });
if (!rates.ok) throw new Error('rates');

async function seed(store: Store) {
  const cols = ['buyer_id', 'name', 'country', 'currency', 'payment_terms_days', 'language', 'email', 'phone'];
  const buyers = [
    ['B1', '华东贸易有限公司', 'CN', 'EUR', '30', 'zh-CN', 'ap@huadong.example', '+86 138 0013 8000'],
    ['B2', 'Beta GmbH', 'DE', 'EUR', '30', 'de', 'ap@beta.example', ''],
  ];
  expect((await importBuyers(store, rowFile('buyers.csv', cols, buyers))).ok).toBe(true);
  const docCols = ['document_number', 'buyer_id', 'issue_date', 'due_date', 'amount', 'currency'];
  const docs = [
    ['I-1', 'B1', '2026-01-30', '2026-03-01', '1000.00', 'EUR'],
    ['I-2', 'B2', '2026-01-30', '2026-03-01', '800.00', 'EUR'],
  ];
  expect((await importDocuments(store, rowFile('invoices.csv', docCols, docs))).ok).toBe(true);
}

for (const target of targets()) {
  describe(`the seeds' dunning rhythm on ${target.name}`, () => {
    const h = useTarget(target);

    it('runs every day: reminders twice a week, SMS to the phone, a call with the formal letter, then a credit hold', async () => {
      const { store, reset } = h();
      await reset();
      await seed(store);
      const sent: string[] = [];
      for (let d = date('2026-02-20'); d <= date('2026-03-31'); d = addDays(d, 1) as BusinessDate) {
        const r = await runDunning(store, { asOf: d, policy, company, rates: rates.value, dryRun: false });
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        for (const l of r.value.letters.filter((x) => x.letter.debtor.id === 'B1'))
          sent.push(`${d} ${l.letter.levelId}`);
        if (d === date('2026-03-16')) {
          const list = await collectorWorklist(store, {
            asOf: d,
            policy,
            company,
            rates: rates.value,
            currency: 'EUR' as CurrencyCode,
            defaultPd: 0.05,
          });
          const b1 = list.ok ? list.value.filter((t) => t.buyerId === 'B1').map((t) => t.action) : [];
          expect(b1.sort()).toEqual(['call', 'post_letter']);
        }
        if (d === date('2026-03-22')) expect(holdInForce(await store.holdsOf('B1'), d)).toBeUndefined();
      }
      expect(sent).toEqual([
        '2026-02-22 pre_due',
        '2026-03-02 friendly',
        '2026-03-05 friendly',
        '2026-03-08 sms_reminder',
        '2026-03-12 sms_reminder',
        '2026-03-16 formal',
        '2026-03-23 suspend_supply',
        '2026-03-31 legal',
      ]);
      // The SMS went to the outbox, to the buyer's phone; a buyer without one has an entry without a recipient.
      const sms = (await store.lettersOn(date('2026-03-08'))).flatMap((l) => l.outbox.filter((o) => o.kind === 'sms'));
      expect(sms.map((o) => [o.letterId.includes('B1') ? 'B1' : 'B2', o.recipient ?? null])).toEqual(
        expect.arrayContaining([
          ['B1', '+86 138 0013 8000'],
          ['B2', null],
        ]),
      );
      expect(sms).toHaveLength(2);
      // Suspend supply: both buyers are on credit hold from the 23rd, put there by the run.
      for (const id of ['B1', 'B2']) {
        const hold = holdInForce(await store.holdsOf(id), date('2026-03-23'));
        expect(hold).toMatchObject({ action: 'hold', by: 'dunning run', reason: 'dunning level suspend_supply' });
      }
    });
  });
}
