import { accountStatement, answerStatement, firstBusinessDay, sendMonthlyStatements } from '@credence/app';
import { date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { EUR, invoice } from './fixtures';
import { targets, useTarget } from './harness';

// Monthly statements to key accounts, and the buyers' answers (issue 18), on the real stores.
const policy = { shareBp: 2000, currency: 'EUR', months: 12, reviewMonths: { key: 3, simplified: 12 } };

describe('firstBusinessDay', () => {
  it('is the first Monday to Friday of the month', () => {
    expect(firstBusinessDay(date('2026-08-15'))).toBe('2026-08-03'); // 1 Aug 2026 is a Saturday
    expect(firstBusinessDay(date('2026-07-20'))).toBe('2026-07-01'); // a Wednesday
    expect(firstBusinessDay(date('2026-11-30'))).toBe('2026-11-02'); // 1 Nov 2026 is a Sunday
  });
});

for (const target of targets()) {
  describe(`statement records on ${target.name}`, () => {
    const h = useTarget(target);

    it('sends the key accounts their statement once per month, retries a failed one, records answers', async () => {
      const { store, reset } = h();
      await reset();
      await store.transact(async (tx) => {
        await tx.upsertBuyers([
          { id: 'B1', name: 'Big', country: 'DE', currency: EUR, paymentTermsDays: 30, email: 'ap@big.example' },
          { id: 'B2', name: 'Small', country: 'DE', currency: EUR, paymentTermsDays: 30, email: 'ap@small.example' },
        ]);
        await tx.insertDocuments([
          invoice('D-1', { amount: 9_000_000n, issueDate: date('2026-06-10'), dueDate: date('2026-07-10') }),
          invoice('D-2', {
            buyerId: 'B2',
            amount: 100_000n,
            issueDate: date('2026-06-12'),
            dueDate: date('2026-07-12'),
          }),
        ]);
      });
      const sent: string[] = [];
      let fail = true;
      const send = async (st: { buyer: { id: string }; asOf: string }) => {
        if (fail) return { status: 'failed' as const, detail: 'smtp: 451 try later' };
        sent.push(`${st.buyer.id}@${st.asOf}`);
        return { status: 'written' as const, detail: `outbox: ${st.buyer.id}.eml` };
      };
      const run = (asOf: string, force = false) =>
        sendMonthlyStatements(store, { asOf: date(asOf), policy, send, by: 'daily', force });
      // Not the first business day of July: nothing.
      const early = await run('2026-07-02');
      expect(early.ok && early.value.due).toBe(false);
      // The courier fails: nothing recorded, tried again.
      const failed = await run('2026-07-01');
      expect(failed.ok && failed.value.failed.map((f) => f.buyerId)).toEqual(['B1']);
      fail = false;
      const ok = await run('2026-07-01');
      expect(ok.ok && [ok.value.period, ok.value.sent.map((s) => s.buyerId)]).toEqual(['2026-06-30', ['B1']]);
      const again = await run('2026-07-15', true);
      expect(again.ok && [again.value.sent.length, again.value.alreadySent]).toEqual([0, ['B1']]);
      expect(sent).toEqual(['B1@2026-06-30']);

      const today = date('2026-07-05');
      const asOf = date('2026-06-30');
      const confirmed = await answerStatement(
        store,
        { buyerId: 'B1', asOf, answer: { kind: 'confirmed' }, by: 'a' },
        today,
      );
      expect(confirmed.ok && confirmed.value.created).toBe(true);
      const twice = await answerStatement(
        store,
        { buyerId: 'B1', asOf, answer: { kind: 'confirmed' }, by: 'a' },
        today,
      );
      expect(twice.ok && twice.value.created).toBe(false);
      const dispute = (document: string, buyerId = 'B1') =>
        answerStatement(
          store,
          { buyerId, asOf, answer: { kind: 'disputed', document, note: 'short' }, by: 'a' },
          today,
        );
      expect((await dispute('D-1')).ok).toBe(true);
      const wrong = await dispute('D-2');
      expect(!wrong.ok && wrong.error.code).toBe('invalid_field');
      const unknown = await dispute('D-9');
      expect(!unknown.ok && unknown.error.code).toBe('not_found');
      const st = await accountStatement(store, { buyerId: 'B1', asOf });
      expect(st.ok && st.value.records.map((r) => [r.kind, r.document ?? '', r.by])).toEqual([
        ['sent', '', 'daily'],
        ['confirmed', '', 'a'],
        ['disputed', 'D-1', 'a'],
      ]);
      // The same kind again for the buyer and date writes nothing.
      const record = { buyerId: 'B1', asOf, kind: 'confirmed' as const, by: 'b', recordedOn: today };
      expect(await store.transact((tx) => tx.insertStatementRecord(record))).toBe(false);
    });
  });
}
