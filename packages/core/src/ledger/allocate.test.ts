import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type BusinessDate, date } from '../calendar/date';
import { type AllocatableItem, planAllocation } from './allocate';

const item = (number: string, issueDate: string, dueDate: string, open: bigint): AllocatableItem => ({
  number,
  issueDate: date(issueDate),
  dueDate: date(dueDate),
  open,
});

const items = [
  item('INV-3', '2024-03-01', '2024-03-31', 300n),
  item('INV-1', '2024-01-01', '2024-01-31', 100n),
  item('INV-2', '2024-02-01', '2024-03-02', 200n),
];

describe('planAllocation without a named document', () => {
  it('settles the oldest due date first', () => {
    expect(planAllocation({ amount: 250n, date: date('2024-04-10') }, items)).toEqual({
      allocations: [
        { documentNumber: 'INV-1', amount: 100n, date: '2024-04-10' },
        { documentNumber: 'INV-2', amount: 150n, date: '2024-04-10' },
      ],
      unapplied: 0n,
    });
  });

  it('breaks due-date ties by issue date, then by number', () => {
    const tied = [
      item('B', '2024-01-05', '2024-02-01', 10n),
      item('A', '2024-01-05', '2024-02-01', 10n),
      item('C', '2024-01-01', '2024-02-01', 10n),
    ];
    const plan = planAllocation({ amount: 30n, date: date('2024-02-10') }, tied);
    expect(plan.allocations.map((a) => a.documentNumber)).toEqual(['C', 'A', 'B']);
  });

  it('keeps an overpayment as unapplied cash', () => {
    const plan = planAllocation({ amount: 1000n, date: date('2024-04-10') }, items);
    expect(plan.allocations.map((a) => [a.documentNumber, a.amount])).toEqual([
      ['INV-1', 100n],
      ['INV-2', 200n],
      ['INV-3', 300n],
    ]);
    expect(plan.unapplied).toBe(400n);
  });

  it('does not consider invoices issued after the payment date', () => {
    const plan = planAllocation({ amount: 1000n, date: date('2024-02-15') }, items);
    expect(plan.allocations.map((a) => [a.documentNumber, a.amount])).toEqual([
      ['INV-1', 100n],
      ['INV-2', 200n],
    ]);
    expect(plan.unapplied).toBe(700n);
    // An invoice issued on the payment date itself is a candidate.
    expect(planAllocation({ amount: 5n, date: date('2024-03-01') }, [items[0] as AllocatableItem]).unapplied).toBe(0n);
  });

  it('skips settled items and credits (open ≤ 0)', () => {
    const plan = planAllocation({ amount: 50n, date: date('2024-04-10') }, [
      item('CN-1', '2024-01-01', '2024-01-01', -40n),
      item('INV-0', '2024-01-01', '2024-01-10', 0n),
      item('INV-1', '2024-01-01', '2024-01-31', 30n),
    ]);
    expect(plan).toEqual({
      allocations: [{ documentNumber: 'INV-1', amount: 30n, date: '2024-04-10' }],
      unapplied: 20n,
    });
  });

  it('a zero payment allocates nothing', () => {
    expect(planAllocation({ amount: 0n, date: date('2024-04-10') }, items)).toEqual({ allocations: [], unapplied: 0n });
  });
});

describe('planAllocation with a named document', () => {
  it('settles that document even when older items are open', () => {
    const plan = planAllocation({ amount: 300n, date: date('2024-04-10'), documentNumber: 'INV-3' }, items);
    expect(plan).toEqual({
      allocations: [{ documentNumber: 'INV-3', amount: 300n, date: '2024-04-10' }],
      unapplied: 0n,
    });
  });

  it('leaves what exceeds the named document unapplied (not spread to others)', () => {
    const plan = planAllocation({ amount: 250n, date: date('2024-04-10'), documentNumber: 'INV-2' }, items);
    expect(plan).toEqual({
      allocations: [{ documentNumber: 'INV-2', amount: 200n, date: '2024-04-10' }],
      unapplied: 50n,
    });
  });

  it('keeps the whole payment unapplied when the named document is unknown or settled', () => {
    expect(planAllocation({ amount: 80n, date: date('2024-04-10'), documentNumber: 'NOPE' }, items)).toEqual({
      allocations: [],
      unapplied: 80n,
    });
    const settled = [item('INV-9', '2024-01-01', '2024-01-31', 0n)];
    expect(planAllocation({ amount: 80n, date: date('2024-04-10'), documentNumber: 'INV-9' }, settled).unapplied).toBe(
      80n,
    );
  });

  it('dates the allocation at the invoice issue date when the payment came first', () => {
    const plan = planAllocation({ amount: 300n, date: date('2024-02-20'), documentNumber: 'INV-3' }, items);
    expect(plan.allocations).toEqual([{ documentNumber: 'INV-3', amount: 300n, date: '2024-03-01' }]);
  });
});

describe('planAllocation properties', () => {
  const base = date('2024-01-01');
  const arbItems = fc.uniqueArray(
    fc.record({
      n: fc.integer({ min: 1, max: 999 }),
      issue: fc.integer({ min: 0, max: 120 }),
      terms: fc.integer({ min: 0, max: 90 }),
      open: fc.bigInt({ min: -500n, max: 5000n }),
    }),
    { selector: (r) => r.n, maxLength: 12 },
  );
  const toItems = (rs: readonly { n: number; issue: number; terms: number; open: bigint }[]): AllocatableItem[] =>
    rs.map((r) => ({
      number: `INV-${String(r.n).padStart(3, '0')}`,
      issueDate: addDays(base, r.issue),
      dueDate: addDays(base, r.issue + r.terms),
      open: r.open,
    }));

  it('allocated + unapplied = payment; no item over-settled; only candidates; oldest due first', () => {
    fc.assert(
      fc.property(
        arbItems,
        fc.bigInt({ min: 1n, max: 40000n }),
        fc.integer({ min: 0, max: 200 }),
        (rs, amount, day) => {
          const all = toItems(rs);
          const payDate: BusinessDate = addDays(base, day);
          const plan = planAllocation({ amount, date: payDate }, all);
          const allocated = plan.allocations.reduce((s, a) => s + a.amount, 0n);
          expect(allocated + plan.unapplied).toBe(amount);
          expect(plan.unapplied >= 0n).toBe(true);
          const candidates = all.filter((i) => i.issueDate <= payDate && i.open > 0n);
          const byNumber = new Map(all.map((i) => [i.number, i]));
          const seen = new Set<string>();
          for (const a of plan.allocations) {
            const it = byNumber.get(a.documentNumber);
            expect(it && candidates.includes(it)).toBe(true);
            expect(a.amount > 0n && a.amount <= (it?.open ?? 0n)).toBe(true);
            expect(seen.has(a.documentNumber)).toBe(false);
            seen.add(a.documentNumber);
            expect(a.date).toBe(payDate);
          }
          // Oldest due first: an item left (partly) open never has a strictly older-due item that got paid less than
          // fully while a later-due one got something.
          const paid = (n: string) => plan.allocations.find((a) => a.documentNumber === n)?.amount ?? 0n;
          for (const older of candidates) {
            if (paid(older.number) === older.open) continue;
            for (const later of candidates) {
              if (later.dueDate > older.dueDate) expect(paid(later.number)).toBe(0n);
            }
          }
          // Cash is left over only when every candidate is fully settled.
          if (plan.unapplied > 0n) for (const c of candidates) expect(paid(c.number)).toBe(c.open);
        },
      ),
    );
  });

  it('with a named document, allocates at most its open balance and nothing elsewhere', () => {
    fc.assert(
      fc.property(arbItems, fc.bigInt({ min: 1n, max: 40000n }), fc.nat(20), (rs, amount, pick) => {
        const all = toItems(rs);
        const target = all[pick % Math.max(1, all.length)];
        const documentNumber = target?.number ?? 'INV-000';
        const plan = planAllocation({ amount, date: addDays(base, 100), documentNumber }, all);
        const expected = target && target.open > 0n ? (target.open < amount ? target.open : amount) : 0n;
        expect(plan.allocations.every((a) => a.documentNumber === documentNumber)).toBe(true);
        expect(plan.allocations.reduce((s, a) => s + a.amount, 0n)).toBe(expected);
        expect(plan.unapplied).toBe(amount - expected);
      }),
    );
  });
});
