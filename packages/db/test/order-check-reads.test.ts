import { checkOrder, importDocuments, importPayments, type LedgerReads } from '@credence/app';
import { type BusinessDate, type CurrencyCode, date, findRate, type Grade } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { EUR, rowFile as file, USD } from './fixtures';

const GBP = 'GBP' as CurrencyCode;
const BEYOND = 9007199254740993n;

import type { NamedQuery } from '../src/engine/types';
import { orderCheckBatcher } from '../src/reads/order-check';
import { targets, useTarget } from './harness';

// The credit check's one-statement read (`orderCheckReads`, issue 12 item 3) must give what the reads one by
// one give, on both stores, for every kind of row it gathers and as of dates around them.
const separately = async (store: LedgerReads, buyerId: string, asOf: BusinessDate) => {
  if ((await store.getBuyer(buyerId)) === undefined) return undefined;
  const first = await store.buyerFirstInvoice(buyerId);
  return {
    openItems: await store.buyerOpenItems(buyerId, asOf),
    payments: await store.unappliedPayments(buyerId, asOf),
    orders: await store.ordersOf(buyerId),
    limitEvents: await store.limitEventsOf(buyerId),
    holds: await store.holdsOf(buyerId),
    grades: await store.gradesOf(buyerId),
    overrides: await store.gradeOverridesOf(buyerId),
    securities: await store.securityEventsOf(buyerId),
    ...(first !== undefined && first <= asOf ? { firstInvoice: first } : {}),
    insured: (await store.insuranceEvents({ buyerId })).length > 0,
  };
};

const grade = (g: number, pd: number): Grade => ({
  grade: g,
  pd,
  tier: 'medium',
  confidence: 'low',
  reasons: [{ code: 'base_pd' as Grade['reasons'][number]['code'], params: { pd, note: 'x' }, logOdds: -3.5 }],
  missing: ['financials'],
});

for (const target of targets()) {
  describe(`the credit check's reads in one statement on ${target.name}`, () => {
    const h = useTarget(target);

    it('equal the reads one by one, row for row, as of every date', async () => {
      const { store, reset } = h();
      await reset();
      await store.transact((tx) =>
        tx.upsertBuyers([
          { id: 'B1', name: 'One', country: 'DE', currency: EUR, paymentTermsDays: 30 },
          { id: 'B2', name: 'Empty', country: 'DE', currency: EUR, paymentTermsDays: 30 },
        ]),
      );
      const docs = await importDocuments(
        store,
        file(
          'i.csv',
          ['document_number', 'buyer_id', 'type', 'issue_date', 'due_date', 'amount', 'currency'],
          [
            ['A', 'B1', 'invoice', '2024-01-01', '2024-01-31', '100', 'EUR'],
            ['B', 'B1', 'invoice', '2024-02-01', '2024-03-02', '90071992547409.93', 'EUR'],
            ['U', 'B1', 'invoice', '2024-02-10', '2024-03-10', '70', 'USD'],
            ['CN', 'B1', 'credit_note', '2024-03-05', '2024-03-05', '15', 'EUR'],
          ],
        ),
      );
      expect(docs.ok).toBe(true);
      const pays = await importPayments(
        store,
        file(
          'p.csv',
          ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency', 'document_number'],
          [
            ['P1', 'B1', '2024-02-15', '130', 'EUR', 'A'],
            ['P2', 'B1', '2024-04-01', '20', 'USD', 'U'],
          ],
        ),
      );
      expect(pays.ok).toBe(true);
      await store.transact(async (tx) => {
        await tx.upsertOrders([
          { id: 'O2', buyerId: 'B1', date: date('2024-03-01'), amount: 5_000n, currency: EUR, status: 'delivered' },
          { id: 'O1', buyerId: 'B1', date: date('2024-03-01'), amount: 7_000n, currency: USD, status: 'open' },
        ]);
        const req = await tx.appendLimitEvent({
          buyerId: 'B1',
          kind: 'request',
          amount: 1_000_000n,
          currency: EUR,
          validFrom: date('2024-01-01'),
          by: 'sam',
          reason: 'new customer',
          recordedOn: date('2024-01-01'),
        });
        await tx.appendLimitEvent({
          buyerId: 'B1',
          kind: 'approval',
          amount: 900_000n,
          currency: EUR,
          validFrom: date('2024-01-02'),
          by: 'cora',
          reason: 'ok',
          requestId: req.id,
          recordedOn: date('2024-01-02'),
        });
        await tx.appendLimitEvent({
          buyerId: 'B1',
          kind: 'temporary',
          amount: 1_500_000n,
          currency: EUR,
          validFrom: date('2024-03-01'),
          expiresOn: date('2024-03-31'),
          by: 'cora',
          reason: 'season',
          recordedOn: date('2024-03-01'),
        });
        await tx.appendHold({
          buyerId: 'B1',
          action: 'hold',
          reason: 'late',
          by: 'cora',
          recordedOn: date('2024-03-10'),
        });
        await tx.appendHold({
          buyerId: 'B1',
          action: 'release',
          reason: 'paid',
          by: 'cora',
          recordedOn: date('2024-04-02'),
        });
        await tx.upsertGrades([
          { buyerId: 'B1', asOf: date('2024-03-31'), grade: grade(7, 0.06) },
          { buyerId: 'B1', asOf: date('2024-01-31'), grade: grade(4, 0.012) },
        ]);
        await tx.appendGradeOverride({
          buyerId: 'B1',
          action: 'override',
          grade: 3,
          tier: 'low',
          pd: 0.0035355339059327377,
          until: date('2024-06-30'),
          reason: 'parent guarantee',
          by: 'cora',
          recordedOn: date('2024-03-20'),
        });
        await tx.appendGradeOverride({
          buyerId: 'B1',
          action: 'clear',
          reason: 'guarantee withdrawn',
          by: 'cora',
          recordedOn: date('2024-04-01'),
        });
        await tx.appendSecurityEvent({
          buyerId: 'B1',
          securityId: 'G-1',
          action: 'add',
          terms: {
            kind: 'guarantee',
            issuer: 'Parent AG',
            amount: BEYOND,
            currency: EUR,
            validFrom: date('2024-02-01'),
            expiresOn: date('2024-12-31'),
          },
          reason: 'parent guarantee',
          by: 'cora',
          recordedOn: date('2024-02-01'),
        });
        await tx.appendSecurityEvent({
          buyerId: 'B1',
          securityId: 'RT-1',
          action: 'add',
          terms: { kind: 'retention_of_title', issuer: 'B1', validFrom: date('2024-01-01'), contract: 'C-9' },
          reason: 'clause 12',
          by: 'cora',
          recordedOn: date('2024-01-01'),
        });
        await tx.appendSecurityEvent({
          buyerId: 'B1',
          securityId: 'G-1',
          action: 'end',
          endsOn: date('2024-04-01'),
          reason: 'released',
          by: 'cora',
          recordedOn: date('2024-03-30'),
        });
      });
      // Rates both ways on one date (the direct one wins), a pair whose latest rate is the inverse, a later rate.
      const rate = (d: string, from: CurrencyCode, to: CurrencyCode, coefficient: bigint) => ({
        date: date(d),
        from,
        to,
        rate: { coefficient, scale: 2 },
      });
      await store.transact((tx) =>
        tx.insertFxRates([
          rate('2024-01-01', EUR, USD, 110n),
          rate('2024-01-01', USD, EUR, 92n),
          rate('2024-02-01', GBP, EUR, 117n),
          rate('2024-03-01', EUR, GBP, 86n),
          rate('2024-03-01', USD, EUR, 93n),
          rate('2024-04-01', EUR, USD, 108n),
        ]),
      );
      const one = store.orderCheckReads?.bind(store);
      if (one === undefined) throw new Error('the store has no one-statement read');
      const everyRate = await store.fxRates();
      for (const d of ['2023-12-31', '2024-01-31', '2024-02-15', '2024-03-05', '2024-04-01', '2024-12-31']) {
        const asOf = date(d);
        const { fxRates, ...got } = (await one('B1', asOf)) ?? {};
        expect(got, d).toEqual(await separately(store, 'B1', asOf));
        const { fxRates: _, ...empty } = (await one('B2', asOf)) ?? {};
        expect(empty, d).toEqual(await separately(store, 'B2', asOf));
        // The rates in force: `convert` finds in them what it finds in every rate, for each pair either way.
        for (const from of [EUR, USD, GBP])
          for (const to of [EUR, USD, GBP])
            if (from !== to)
              expect(findRate(fxRates ?? [], from, to, asOf), `${d} ${from}/${to}`).toEqual(
                findRate(everyRate, from, to, asOf),
              );
      }
      expect((await one('B1', date('2024-03-05')))?.fxRates).toEqual([
        rate('2024-03-01', EUR, GBP, 86n),
        rate('2024-03-01', USD, EUR, 93n),
      ]);
      expect((await one('B1', date('2023-12-31')))?.fxRates).toEqual([]);
      const all = await one('B1', date('2024-03-05'));
      // Every kind of row is there, amounts exact past 2^53 (B), null fields absent as in the reads one by one.
      expect(all?.openItems.map((i) => [i.number, i.open])).toEqual([
        ['B', 9_007_199_254_740_993n],
        ['CN', -1_500n],
        ['U', 7_000n],
      ]);
      expect(all?.payments.map((p) => [p.id, p.unapplied])).toEqual([['P1', 3_000n]]);
      expect(all?.orders.map((o) => o.id)).toEqual(['O1', 'O2']);
      expect(all?.limitEvents.map((e) => [e.kind, e.requestId, e.expiresOn])).toEqual([
        ['request', undefined, undefined],
        ['approval', all?.limitEvents[0]?.id, undefined],
        ['temporary', undefined, '2024-03-31'],
      ]);
      expect(all?.holds.map((x) => x.action)).toEqual(['hold', 'release']);
      expect(all?.grades.map((g) => [g.asOf, g.grade])).toEqual([
        ['2024-01-31', grade(4, 0.012)],
        ['2024-03-31', grade(7, 0.06)],
      ]);
      expect(all?.securities.map((x) => [x.securityId, x.action])).toEqual([
        ['G-1', 'add'],
        ['RT-1', 'add'],
        ['G-1', 'end'],
      ]);
      expect(all?.securities[0]).toMatchObject({ terms: { amount: BEYOND, expiresOn: '2024-12-31' } });
      expect([all?.firstInvoice, (await one('B1', date('2023-12-31')))?.firstInvoice]).toEqual([
        '2024-01-01',
        undefined,
      ]);
      expect(await one('NOPE', date('2024-03-05'))).toBeUndefined();
      // Concurrent checks read together: one statement alone, then the ten that waited for it in one — each
      // caller getting what a read of its own gives, whatever the buyer and the date.
      let statements = 0;
      const counted: NamedQuery = (_name, query) => {
        statements++;
        return h()
          .engine.db.executeQuery(query)
          .then((r) => r.rows);
      };
      const batched = orderCheckBatcher(h().engine.db, counted, { inFlight: 1, maxBatch: 64 });
      const keys = ['B1', 'B2', 'NOPE'].flatMap((b) =>
        ['2024-01-31', '2024-03-05', '2024-12-31'].map((d) => [b, date(d)] as const),
      );
      const together = await Promise.all([...keys, ...keys.slice(0, 2)].map(([b, d]) => batched(b, d)));
      expect(statements).toBe(2);
      for (const [i, [b, d]] of [...keys, ...keys.slice(0, 2)].entries())
        expect(together[i], `${b} ${d}`).toEqual(await one(b, d));
      // And the check itself answers through it: unknown buyer, and a decision.
      const policy = { holdWhenOverdueDays: 60, referWhenOverdueDays: 30, referFromGrade: 8 };
      const unknown = await checkOrder(store, policy, {
        buyerId: 'NOPE',
        amount: 1n,
        currency: EUR,
        asOf: date('2024-03-05'),
      });
      expect(!unknown.ok && unknown.error.code).toBe('not_found');
    });
  });
}
