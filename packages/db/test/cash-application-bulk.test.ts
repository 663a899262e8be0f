import { importBankStatement, importDocuments, matchBankLines } from '@credence/app';
import { type BankStatementLine, date } from '@credence/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { EUR, rowFile as file } from './fixtures';
import { targets, useTarget } from './harness';

// Issue 16, a statement of many lines: the matching step writes its payments as one bulk settlement (closings and
// applications worked out in memory) and its match rows by COPY. What it stores must be what the store's own
// refresh of the touched documents and payments would give, and a second run must change nothing.
const BUYERS = 60;
const PER_BUYER = 25;
const name = (b: number) => `Kunde ${b} Handels GmbH`;
const number = (b: number, k: number) => `INV-${String(b * 100 + k).padStart(6, '0')}`;
/** Each buyer pays from an IBAN it is known by (the names alone would be too alike to tell apart). */
const iban = (b: number) => `DE0210000000${String(b).padStart(10, '0')}`;

/** Line i pays invoice (i mod BUYERS, i div BUYERS): in full, in part (every 7th), booked before issue (every 11th). */
function lines(): BankStatementLine[] {
  return Array.from({ length: BUYERS * 20 }, (_, i) => {
    const b = i % BUYERS;
    const k = Math.floor(i / BUYERS);
    const early = i % 11 === 0;
    return {
      entry: i + 1,
      amount: i % 7 === 0 ? 4_000n : 10_000n + BigInt(k),
      currency: EUR,
      creditDebit: 'credit',
      bookingDate: date(early ? '2024-04-20' : '2024-07-01'),
      valueDate: date('2024-07-01'),
      remittance: `Rechnung ${number(b, k)}`,
      payerIban: iban(b),
      reversal: false,
    };
  });
}

for (const target of targets()) {
  describe(`cash matching of a large statement on ${target.name}`, () => {
    const h = useTarget(target);

    it('stores the closings, applications and match rows the refresh would give; once only', async () => {
      const { reset, engine } = h();
      await reset();
      const store = storeOn(engine, { by: 'cora', now: () => new Date('2024-07-01T09:00:00Z') });
      const ids = Array.from({ length: BUYERS }, (_, b) => b);
      await store.transact((tx) =>
        tx.upsertBuyers(
          ids.map((b) => ({ id: `B${b}`, name: name(b), country: 'DE', currency: EUR, paymentTermsDays: 30 })),
        ),
      );
      await store.transact((tx) =>
        tx.putLearnedIbans(ids.map((b) => ({ iban: iban(b), buyerId: `B${b}`, setBy: 'cora' }))),
      );
      const rows = ids.flatMap((b) =>
        Array.from({ length: PER_BUYER }, (_, k) => {
          const amount = `${100 + Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')}`;
          return [number(b, k), `B${b}`, 'invoice', '2024-05-01', '2024-05-31', amount, 'EUR'];
        }),
      );
      const cols = ['document_number', 'buyer_id', 'type', 'issue_date', 'due_date', 'amount', 'currency'];
      expect((await importDocuments(store, file('i.csv', cols, rows))).ok).toBe(true);
      const statement = {
        format: 'camt.054' as const,
        account: 'DE02120300000000202051',
        currency: EUR,
        statementId: 'BIG-1',
        lines: lines(),
      };
      expect((await importBankStatement(store, [statement])).ok).toBe(true);

      const r = await matchBankLines(store, { by: 'cora' });
      expect(r.ok && r.value.lines).toBe(1200);
      expect(r.ok && r.value.counts.applied).toBe(1200);
      const { rows: counted } = await sql<{ n: number | string; paid: number | string }>`
        select count(*) as n, count(payment_id) as paid from bank_line_matches`.execute(engine.db);
      expect(counted.map((c) => [Number(c.n), Number(c.paid)])).toEqual([[1200, r.ok ? r.value.payments.length : 0]]);
      // The proposals round-trip with their amounts exact.
      const [first] = await store.cashLines({});
      expect(first?.proposals[0]?.kind === 'payment' && first.proposals[0].allocations[0]?.amount).toBe(4_000n);

      // Closed from the latest allocation date, never before issue; the rest open with their first moved date.
      const { rows: closings } = await sql<{ number: string; closed_on: string; want: string }>`
        select c.number, c.closed_on::text, greatest(d.issue_date, max(a.date))::text as want
        from document_closings c join documents d on d.number = c.number
        join allocations a on a.document_number = c.number
        group by c.number, c.closed_on, d.issue_date`.execute(engine.db);
      expect(closings.length).toBeGreaterThan(900);
      expect(closings.filter((c) => c.closed_on !== c.want)).toEqual([]);
      expect(closings.some((c) => c.closed_on === '2024-05-01')).toBe(true);
      const { rows: open } = await sql<{ number: string; first: string | null; want: string | null }>`
        select o.number, o.first_moved_on::text as first, min(a.date)::text as want
        from open_documents o left join allocations a on a.document_number = o.number
        group by o.number, o.first_moved_on`.execute(engine.db);
      expect(open.filter((o) => o.first !== o.want)).toEqual([]);
      expect(open.filter((o) => o.first !== null).length).toBeGreaterThan(50);
      // A payment applied in full from its date; a payment with cash left (none here) would have none.
      const { rows: payments } = await sql<{ id: string; applied_on: string | null; want: string | null }>`
        select p.id, p.applied_on::text,
               (case when p.amount + coalesce(sum(a.delta), 0) = 0 then greatest(p.date, max(a.date)) end)::text as want
        from payments p left join allocations a on a.kind = 'payment' and a.entry_id = p.id
        group by p.id, p.applied_on, p.amount, p.date`.execute(engine.db);
      expect(payments.length).toBe(r.ok ? r.value.payments.length : -1);
      expect(payments.filter((p) => p.applied_on !== null).length).toBeGreaterThan(900);
      expect(payments.filter((p) => p.applied_on !== p.want)).toEqual([]);

      // Again: nothing new, nothing applied twice.
      const again = await matchBankLines(store, { by: 'cora' });
      expect(again.ok && again.value.lines).toBe(0);
      const re = await importBankStatement(store, [statement]);
      expect(re.ok && re.value.statements[0]?.outcome).toBe('skipped');
      expect((await store.counts()).payments).toBe(payments.length);
    });
  });
}
