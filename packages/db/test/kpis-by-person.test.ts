import { type KpiPerson, kpiMonths, type PersonKpiRow, reportKpisByPerson, type Store } from '@credence/app';
import { type CurrencyCode, date, kpiInputsFromItems } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { targets, useTarget } from './harness';
import { generateLedger, type Ledger } from './ledger-gen';

// Issue 18 item 7: the per-person KPI inputs, read in one grouped statement, against core's `kpiInputsFromItems`
// over each person's buyers, month by month (documents, payments, credit notes, write-offs and reversals).
const OWNERS: Record<string, [string | undefined, string | undefined]> = {
  B0: ['ann', 'carl'],
  B1: ['ann', 'dora'],
  B2: ['bo', 'carl'],
  B3: [undefined, undefined],
};

function withPeople(l: Ledger): Ledger {
  return {
    ...l,
    buyers: l.buyers.map((b) => {
      const [salesOwner, collector] = OWNERS[b.id] ?? [];
      return { ...b, ...(salesOwner ? { salesOwner } : {}), ...(collector ? { collector } : {}) };
    }),
  };
}

async function write(store: Store, l: Ledger) {
  await store.transact(async (tx) => {
    await tx.upsertBuyers(l.buyers);
    await tx.insertDocuments(l.documents);
    await tx.insertPayments(l.payments);
    await tx.insertWriteOffs(l.writeOffs);
    await tx.insertReversals(l.reversals);
  });
  await store.transact((tx) => tx.insertAllocations(l.allocations));
}

function reference(l: Ledger, by: KpiPerson, months: ReturnType<typeof kpiMonths>): PersonKpiRow[] {
  const who = (id: string) => {
    const b = l.buyers.find((x) => x.id === id);
    return (by === 'sales_owner' ? b?.salesOwner : b?.collector) ?? '';
  };
  const keys = [...new Set(l.documents.map((d) => `${who(d.buyerId)}|${d.currency}`))].sort();
  const out: PersonKpiRow[] = [];
  for (const key of keys) {
    const [person = '', currency = ''] = key.split('|');
    const docs = l.documents.filter((d) => who(d.buyerId) === person && d.currency === currency);
    const numbers = new Set(docs.map((d) => d.number));
    const invoices = new Set(docs.filter((d) => d.type === 'invoice').map((d) => d.number));
    const allocs = l.allocations.filter((a) => numbers.has(a.documentNumber));
    months.forEach((m, month) => {
      if (!docs.some((d) => d.issueDate <= m.to)) return;
      const k = kpiInputsFromItems(docs, allocs, currency as CurrencyCode, m.from, m.to);
      const collected = -allocs
        .filter((a) => a.kind === 'payment' && invoices.has(a.documentNumber) && a.date >= m.from && a.date <= m.to)
        .reduce((s, a) => s + a.delta, 0n);
      out.push({
        person,
        currency: k.currency,
        month,
        totalAr: k.totalAr,
        currentAr: k.currentAr,
        beginningAr: k.beginningAr,
        creditSales: k.creditSales,
        collected,
      });
    });
  }
  return out;
}

/** A month with nothing open, sold or collected may be read as no row: the report takes a missing row as zeros. */
const order = (rs: readonly PersonKpiRow[]) =>
  rs
    .filter((r) => r.totalAr !== 0n || r.beginningAr !== 0n || r.creditSales !== 0n || r.collected !== 0n)
    .sort((a, b) => `${a.person}|${a.currency}|${a.month}`.localeCompare(`${b.person}|${b.currency}|${b.month}`));

for (const target of targets()) {
  describe(`KPIs per person on ${target.name}`, () => {
    const h = useTarget(target);

    it('reads the same inputs as core over each person’s buyers, every month', async () => {
      const months = kpiMonths(date('2023-11-15'), date('2024-04-20'));
      let collected = 0n;
      for (const seed of [1, 2, 3, 4, 5]) {
        const { store, reset } = h();
        await reset();
        const l = withPeople(generateLedger(seed));
        await write(store, l);
        for (const by of ['sales_owner', 'collector'] as const) {
          const got = order(await store.personKpiInputs(by, months));
          expect(got, `seed ${seed} ${by}`).toEqual(order(reference(l, by, months)));
          collected += got.reduce((s, r) => s + r.collected, 0n);
        }
      }
      expect(collected).toBeGreaterThan(0n);
    });

    it('reports DSO, overdue %, CEI and collected per person and month', async () => {
      const { store, reset } = h();
      await reset();
      await write(store, withPeople(generateLedger(9)));
      const r = await reportKpisByPerson(store, {
        by: 'sales_owner',
        from: date('2024-01-01'),
        to: date('2024-03-31'),
      });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      expect(r.value.people.map((p) => p.person)).toEqual(expect.arrayContaining(['ann', 'bo']));
      for (const p of r.value.people) expect(p.months.map((m) => m.month)).toEqual(['2024-01', '2024-02', '2024-03']);
    });
  });
}
