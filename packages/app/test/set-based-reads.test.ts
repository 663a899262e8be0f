import { date, type Grade } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { gradeInForce, tiersInForce } from '../src/grading/recorded-grade';
import { MemoryStore } from './memory-store';

// The dunning run's tiers read for every buyer at once (issue 14) give what `gradeInForce` gives each buyer.
const grade = (g: number, tier: Grade['tier']): Grade => ({
  grade: g,
  pd: 0.01,
  tier,
  confidence: 'low',
  reasons: [],
  missing: [],
});

describe('tiersInForce', () => {
  it("is every buyer's gradeInForce tier: recorded grades, overrides in force, expired and cleared ones", async () => {
    const store = new MemoryStore();
    const ids = ['A', 'B', 'C', 'D', 'E'];
    await store.transact(async (tx) => {
      await tx.upsertBuyers(
        ids.map((id) => ({ id, name: id, country: 'DE', currency: 'EUR' as never, paymentTermsDays: 30 })),
      );
      await tx.upsertGrades([
        { buyerId: 'A', asOf: date('2026-05-31'), grade: grade(2, 'low') },
        { buyerId: 'A', asOf: date('2026-06-30'), grade: grade(8, 'high') },
        { buyerId: 'B', asOf: date('2026-05-31'), grade: grade(5, 'medium') },
        { buyerId: 'C', asOf: date('2026-07-31'), grade: grade(9, 'high') },
        { buyerId: 'D', asOf: date('2026-05-31'), grade: grade(3, 'low') },
      ]);
      const o = { action: 'override' as const, pd: 0.2, reason: 'r', by: 'cora' };
      await tx.appendGradeOverride({ ...o, buyerId: 'B', grade: 9, tier: 'high', recordedOn: date('2026-06-01') });
      await tx.appendGradeOverride({
        ...o,
        buyerId: 'D',
        grade: 7,
        tier: 'high',
        until: date('2026-06-15'),
        recordedOn: date('2026-06-01'),
      });
      await tx.appendGradeOverride({ ...o, buyerId: 'E', grade: 6, tier: 'medium', recordedOn: date('2026-06-01') });
      await tx.appendGradeOverride({
        buyerId: 'E',
        action: 'clear',
        reason: 'r',
        by: 'cora',
        recordedOn: date('2026-06-20'),
      });
    });
    for (const asOf of [date('2026-06-10'), date('2026-06-30'), date('2026-08-01')]) {
      const all = await tiersInForce(store, asOf);
      const each = new Map<string, string>();
      for (const id of ids) {
        const g = await gradeInForce(store, id, asOf);
        if (g !== undefined) each.set(id, g.tier);
      }
      expect(Object.fromEntries(all)).toEqual(Object.fromEntries(each));
    }
    expect(Object.fromEntries(await tiersInForce(store, date('2026-06-30')))).toEqual({
      A: 'high',
      B: 'high',
      D: 'low',
    });
  });
});
