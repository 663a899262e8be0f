import type { Reversal, Stored, WriteOff } from '@credence/app';
import { type Allocation, type Buyer, date, type FxRate } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { BEYOND_DOUBLE, EUR, invoice, JPY, payment, USD } from './fixtures';
import { targets, useTarget } from './harness';

const fullBuyer: Buyer = {
  id: 'B1',
  name: 'Müller, "Söhne" & Co\nGmbH',
  legalId: 'DE123456789',
  country: 'DE',
  industry: '',
  currency: EUR,
  paymentTermsDays: 30,
  groupId: 'G1',
  language: 'de',
  email: 'ar@mueller.example',
  salesOwner: 'anna',
  collector: '\\.',
};
/** An entry as read back: what was written, plus who recorded it and when (the OS user by default). */
const recorded = <T extends object>(x: T) => ({
  ...x,
  recorded: { recordedBy: expect.any(String), recordedAt: expect.any(Date) },
});

const bareBuyer: Buyer = { id: 'B2', name: 'Acme', country: 'USA', currency: USD, paymentTermsDays: 0 };

for (const target of targets()) {
  describe(`round trip on ${target.name}`, () => {
    const h = useTarget(target);

    it('stores buyers with and without optional fields, and upserts', async () => {
      const { store } = h();
      await store.transact((tx) => tx.upsertBuyers([fullBuyer, bareBuyer]));
      expect(await store.getBuyer('B1')).toEqual(fullBuyer);
      expect(await store.findBuyers(['B2', 'nope'])).toEqual([bareBuyer]);
      await store.transact((tx) => tx.upsertBuyers([{ ...bareBuyer, name: 'Acme Inc', paymentTermsDays: 45 }]));
      expect(await store.listBuyers()).toEqual([fullBuyer, { ...bareBuyer, name: 'Acme Inc', paymentTermsDays: 45 }]);
      expect(await store.getBuyer('missing')).toBeUndefined();
    });

    it('stores documents with amounts above 2^53 and leap-day dates exactly', async () => {
      const { store } = h();
      const big = invoice('INV-BIG', {
        amount: BEYOND_DOUBLE,
        issueDate: date('2024-02-29'),
        dueDate: date('2024-03-30'),
        deliveryDate: date('2024-02-28'),
        orderRef: 'PO,1 "x"',
      });
      const note = invoice('CN-1', { type: 'credit_note', amount: 1n, currency: JPY, dueDate: date('2024-01-15') });
      await store.transact((tx) => tx.insertDocuments([big, note]));
      const found = await store.findDocuments(['CN-1', 'INV-BIG', 'unknown']);
      expect(found.sort((a, b) => a.number.localeCompare(b.number))).toEqual([note, big].map(recorded));
      expect(typeof found[1]?.amount).toBe('bigint');
      expect(found[1]?.issueDate).toBe('2024-02-29');
    });

    it('stores payments, allocations, write-offs, reversals and fx rates', async () => {
      const { store } = h();
      const p = payment('P-1', { amount: BEYOND_DOUBLE + 2n, documentNumber: 'INV-BIG', date: date('2024-12-31') });
      const bare = payment('P-2', { amount: 5n, currency: USD });
      const allocs: Allocation[] = [
        {
          kind: 'payment',
          entryId: 'P-1',
          documentNumber: 'INV-BIG',
          buyerId: 'B1',
          date: date('2024-12-31'),
          delta: -BEYOND_DOUBLE,
          currency: EUR,
        },
        {
          kind: 'payment',
          entryId: 'P-1',
          documentNumber: 'INV-BIG',
          buyerId: 'B1',
          date: date('2025-01-02'),
          delta: BEYOND_DOUBLE,
          currency: EUR,
        },
      ];
      const wo: Stored<WriteOff> = {
        id: 'W-1',
        documentNumber: 'INV-BIG',
        date: date('2025-03-01'),
        amount: BEYOND_DOUBLE,
        reason: 'insolvent, "final"',
        idempotencyKey: 'wo:1',
        contentHash: 'h-wo',
      };
      const rv: Stored<Reversal> = {
        id: 'R-1',
        kind: 'payment',
        targetId: 'P-1',
        date: date('2025-01-02'),
        reason: 'bounced',
        idempotencyKey: 'rv:1',
        contentHash: 'h-rv',
      };
      const rates: FxRate[] = [
        { date: date('2024-02-29'), from: USD, to: EUR, rate: { coefficient: 150n, scale: 2 } },
        { date: date('2024-02-29'), from: JPY, to: EUR, rate: { coefficient: 6123456789n, scale: 12 } },
        {
          date: date('2024-03-01'),
          from: USD,
          to: EUR,
          rate: { coefficient: 123456789012345678901234567890n, scale: 29 },
        },
      ];
      await store.transact(async (tx) => {
        await tx.insertPayments([p, bare]);
        await tx.insertAllocations(allocs);
        await tx.insertWriteOffs([wo]);
        await tx.insertReversals([rv]);
        await tx.insertFxRates(rates);
        expect(await tx.allocationsOf('payment', 'P-1')).toEqual(allocs);
        expect(await tx.findWriteOffs(['W-1'])).toEqual([recorded(wo)]);
        expect(await tx.findReversals(['R-1', 'R-2'])).toEqual([recorded(rv)]);
      });
      const payments = await store.findPayments(['P-1', 'P-2']);
      expect(payments.sort((a, b) => a.id.localeCompare(b.id))).toEqual([p, bare].map(recorded));
      expect(await store.fxRates()).toEqual([rates[1], rates[0], rates[2]]);
      expect(await store.counts()).toEqual({ buyers: 2, documents: 2, payments: 2, allocations: 2 });
    });

    it('keeps the first fx rate stored for a (date, from, to)', async () => {
      const { store } = h();
      const again: FxRate = { date: date('2024-02-29'), from: USD, to: EUR, rate: { coefficient: 2n, scale: 0 } };
      await store.transact((tx) => tx.insertFxRates([again]));
      const kept = (await store.fxRates()).find((r) => r.date === '2024-02-29' && r.from === 'USD');
      expect(kept?.rate).toEqual({ coefficient: 150n, scale: 2 });
    });

    it('stores financial statements (negative and huge lines, unreported ones absent) and replaces a restated year', async () => {
      const { store, reset } = h();
      await reset();
      await store.transact((tx) => tx.upsertBuyers([fullBuyer, bareBuyer]));
      const y2024 = {
        buyerId: 'B1',
        fiscalYear: 2024,
        periodEnd: date('2024-12-31'),
        currency: EUR,
        lines: { totalAssets: BEYOND_DOUBLE, equity: -5_000_000n, sales: 123_456_789n },
      };
      const y2023 = { ...y2024, fiscalYear: 2023, periodEnd: date('2023-12-31'), lines: { sales: 1n } };
      await store.transact((tx) => tx.upsertStatements([y2024, y2023]));
      expect(await store.statementsOf('B1')).toEqual([y2023, y2024]);
      const restated = { ...y2024, lines: { ...y2024.lines, netProfit: 0n } };
      await store.transact(async (tx) => {
        await tx.upsertStatements([restated]);
        expect(
          await tx.findStatements([
            { buyerId: 'B1', fiscalYear: 2024 },
            { buyerId: 'B2', fiscalYear: 2024 },
          ]),
        ).toEqual([restated]);
      });
      expect(await store.statementsOf('B1')).toEqual([y2023, restated]);
      expect(await store.statementsOf('B2')).toEqual([]);
    });

    it('appends limit events with store-given ids, in order, and sums a buyer’s sales by currency', async () => {
      const { store, reset } = h();
      await reset();
      const base = {
        buyerId: 'B1',
        currency: EUR,
        validFrom: date('2024-06-30'),
        by: 'sam',
        reason: 'new, "big" contract',
        recordedOn: date('2024-06-30'),
      };
      const req = await store.transact((tx) =>
        tx.appendLimitEvent({ ...base, kind: 'request', amount: BEYOND_DOUBLE }),
      );
      const temp = await store.transact((tx) =>
        tx.appendLimitEvent({
          ...base,
          kind: 'temporary',
          amount: 1n,
          expiresOn: date('2024-07-31'),
          requestId: req.id,
          by: 'chief',
        }),
      );
      expect(temp.id).toBeGreaterThan(req.id);
      expect(await store.limitEventsOf('B1')).toEqual([
        { ...base, kind: 'request', amount: BEYOND_DOUBLE, id: req.id },
        {
          ...base,
          kind: 'temporary',
          amount: 1n,
          expiresOn: '2024-07-31',
          requestId: req.id,
          by: 'chief',
          id: temp.id,
        },
      ]);
      expect(await store.limitEventsOf('B2')).toEqual([]);
      await store.transact((tx) =>
        tx.insertDocuments([
          invoice('S-1', { amount: 500n, issueDate: date('2024-03-01') }),
          invoice('S-2', { type: 'credit_note', amount: 200n, issueDate: date('2024-04-01') }),
          invoice('S-3', { amount: 7n, issueDate: date('2023-01-01') }),
        ]),
      );
      expect(await store.buyerSales('B1', date('2024-01-01'), date('2024-12-31'))).toEqual([
        { currency: EUR, amount: 300n },
      ]);
    });

    it('records grades as history, one per buyer and date, a re-run replacing its date', async () => {
      const { store, reset } = h();
      await reset();
      const grade = (g: number, pd: number) => ({
        grade: g,
        pd,
        tier: 'medium' as const,
        confidence: 'low' as const,
        reasons: [{ code: 'no_financials' as const, params: { basePd: 0.02 }, logOdds: -3.891820298110626 }],
        missing: ['financials', 'payment history'],
      });
      await store.transact((tx) =>
        tx.upsertGrades([
          { buyerId: 'B1', asOf: date('2024-06-30'), grade: grade(5, 0.0164) },
          { buyerId: 'B1', asOf: date('2024-03-31'), grade: grade(4, 0.009) },
          { buyerId: 'B2', asOf: date('2024-06-30'), grade: grade(6, 0.03) },
        ]),
      );
      await store.transact((tx) =>
        tx.upsertGrades([{ buyerId: 'B1', asOf: date('2024-06-30'), grade: grade(7, 0.05) }]),
      );
      expect(await store.gradesOf('B1')).toEqual([
        { buyerId: 'B1', asOf: '2024-03-31', grade: grade(4, 0.009) },
        { buyerId: 'B1', asOf: '2024-06-30', grade: grade(7, 0.05) },
      ]);
      expect((await store.gradesOn(date('2024-06-30'))).map((g) => [g.buyerId, g.grade.grade])).toEqual([
        ['B1', 7],
        ['B2', 6],
      ]);
    });

    it('upserts orders by id and appends credit holds', async () => {
      const { store, reset } = h();
      await reset();
      const o = {
        id: 'O-1',
        buyerId: 'B1',
        date: date('2024-03-01'),
        amount: BEYOND_DOUBLE,
        currency: EUR,
        status: 'open' as const,
      };
      await store.transact((tx) => tx.upsertOrders([o, { ...o, id: 'O-2', buyerId: 'B2' }]));
      await store.transact((tx) => tx.upsertOrders([{ ...o, status: 'delivered' }]));
      expect(await store.ordersOf('B1')).toEqual([{ ...o, status: 'delivered' }]);
      await store.transact(async (tx) =>
        expect((await tx.findOrders(['O-2', 'O-9'])).map((x) => x.buyerId)).toEqual(['B2']),
      );
      const h1 = await store.transact((tx) =>
        tx.appendHold({
          buyerId: 'B1',
          action: 'hold',
          reason: 'bounced "cheque"',
          by: 'chief',
          recordedOn: date('2024-03-02'),
        }),
      );
      const h2 = await store.transact((tx) =>
        tx.appendHold({
          buyerId: 'B1',
          action: 'release',
          reason: 'paid',
          by: 'chief',
          recordedOn: date('2024-03-05'),
        }),
      );
      expect(await store.holdsOf('B1')).toEqual([h1, h2]);
      expect(h1).toMatchObject({ action: 'hold', reason: 'bounced "cheque"', recordedOn: '2024-03-02' });
      await reset();
    });

    it('upserts external grades by buyer, date and source', async () => {
      const { store, reset } = h();
      await reset();
      const g = { buyerId: 'B1', date: date('2024-03-01'), source: 'insurer' as const, value: 4 };
      await store.transact((tx) => tx.upsertExternalGrades([g, { ...g, source: 'bureau', value: 72 }]));
      await store.transact((tx) => tx.upsertExternalGrades([{ ...g, value: 6 }]));
      expect(await store.externalGradesOf('B1')).toEqual([
        { ...g, source: 'bureau', value: 72 },
        { ...g, value: 6 },
      ]);
      await store.transact(async (tx) =>
        expect(await tx.findExternalGrades([g, { ...g, buyerId: 'B2' }])).toEqual([{ ...g, value: 6 }]),
      );
      await reset();
    });
  });
}
