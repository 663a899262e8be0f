import {
  buyerGrade,
  checkOrder,
  clearGradeOverride,
  gradeHistory,
  gradeInForce,
  listAudit,
  overrideGrade,
  reviewsDue,
  setPolicy,
  storedPolicy,
} from '@credence/app';
import { type CheckPolicy, date, type Grade, type GradingPolicy } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { EUR } from './fixtures';
import { targets, useTarget } from './harness';

// Issue 12, item 5: a credit manager's grade override and a policy change are writes of the product, with who,
// when, from where and why, kept as history; decisions that read a grade use the override while it holds.
const AT = new Date('2026-06-30T09:00:00Z');
const today = date('2026-06-30');
const policy = {
  masterScale: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.15, 0.3],
  tiers: { low: 3, medium: 6 },
} as unknown as GradingPolicy;
const check: CheckPolicy = { holdWhenOverdueDays: 60, referWhenOverdueDays: 30, referFromGrade: 8 };
const computed: Grade = { grade: 8, pd: 0.1, tier: 'high', confidence: 'medium', reasons: [], missing: [] };

for (const target of targets()) {
  describe(`grade overrides on ${target.name}`, () => {
    const h = useTarget(target);

    it('override, use, clear, history and audit trail', async () => {
      const { reset, engine } = h();
      await reset();
      const store = storeOn(engine, { by: 'cora', now: () => AT });
      await store.transact(async (tx) => {
        await tx.upsertBuyers([{ id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 30 }]);
        await tx.upsertGrades([{ buyerId: 'B1', asOf: date('2026-06-01'), grade: computed }]);
        await tx.appendLimitEvent({
          buyerId: 'B1',
          kind: 'approval',
          amount: 1_000_000n,
          currency: EUR,
          validFrom: date('2026-01-01'),
          by: 'cora',
          reason: 'annual review',
          recordedOn: date('2026-01-01'),
        });
      });
      const order = { buyerId: 'B1', amount: 100n, currency: EUR, asOf: today };
      const decision = async () => {
        const r = await checkOrder(store, check, order);
        return r.ok ? r.value.decision : r.error.code;
      };
      expect(await decision()).toBe('refer'); // grade 8: refer

      const x = { buyerId: 'B1', grade: 5, reason: 'parent guarantee signed', by: 'cora' };
      expect((await overrideGrade(store, policy, { ...x, reason: ' ' }, today)).ok).toBe(false);
      expect((await overrideGrade(store, policy, { ...x, grade: 11 }, today)).ok).toBe(false);
      expect((await overrideGrade(store, policy, { ...x, until: date('2026-06-29') }, today)).ok).toBe(false);
      expect((await overrideGrade(store, policy, { ...x, buyerId: 'NOPE' }, today)).ok).toBe(false);
      const o = await overrideGrade(store, policy, { ...x, until: date('2026-09-30') }, today);
      expect(o.ok && o.value).toMatchObject({ grade: 5, tier: 'medium', until: '2026-09-30', by: 'cora' });

      expect(await decision()).toBe('approve');
      expect(await gradeInForce(store, 'B1', today)).toMatchObject({ grade: 5, tier: 'medium' });
      expect((await reviewsDue(store, today)).find((r) => r.buyerId === 'B1')?.tier).toBe('medium');
      const shown = await buyerGrade(store, { buyerId: 'B1', asOf: today });
      expect(shown.ok && [shown.value.grade.grade, shown.value.override?.grade]).toEqual([8, 5]);
      // Past its last day the computed grade counts again.
      expect((await checkOrder(store, check, { ...order, asOf: date('2026-10-01') })).ok && 'checked').toBe('checked');
      expect(await gradeInForce(store, 'B1', date('2026-10-01'))).toMatchObject({ grade: 8 });

      expect((await clearGradeOverride(store, { buyerId: 'B1', reason: '', by: 'cora' }, today)).ok).toBe(false);
      const cleared = await clearGradeOverride(
        store,
        { buyerId: 'B1', reason: 'guarantee withdrawn', by: 'cora' },
        today,
      );
      expect(cleared.ok).toBe(true);
      expect(await decision()).toBe('refer');
      const again = await clearGradeOverride(store, { buyerId: 'B1', reason: 'twice', by: 'cora' }, today);
      expect(again.ok ? 'ok' : again.error.params.reason).toBe('no_override');

      const history = await gradeHistory(store, 'B1');
      expect(history.ok && history.value.map((e) => [e.date, e.kind])).toEqual([
        ['2026-06-01', 'graded'],
        ['2026-06-30', 'override'],
        ['2026-06-30', 'clear'],
      ]);
      const trail = await listAudit(store, { entity: 'buyer:B1' });
      expect(
        trail.filter((e) => e.action.startsWith('grade_override')).map((e) => [e.action, e.actor, e.reason]),
      ).toEqual([
        ['grade_override', 'cora', 'parent guarantee signed'],
        ['grade_override_clear', 'cora', 'guarantee withdrawn'],
      ]);
    });

    it('stores policy versions with who and why; the newest is in force', async () => {
      const { engine } = h();
      const store = storeOn(engine, { by: 'cora', now: () => AT });
      expect(await storedPolicy(store, 'check')).toBeUndefined();
      const bad = await setPolicy(store, { kind: 'check', body: { referFromGrade: 'x' }, reason: 'r', by: 'cora' });
      expect(bad.ok ? 'ok' : bad.error.code).toBe('invalid_field');
      const v1 = await setPolicy(store, { kind: 'check', body: check, reason: 'first', by: 'cora' });
      const v2 = await setPolicy(store, {
        kind: 'check',
        body: { ...check, referFromGrade: 7 },
        reason: 'tighter after two defaults',
        by: 'cora',
      });
      const same = await setPolicy(store, {
        kind: 'check',
        body: { ...check, referFromGrade: 7 },
        reason: 'x',
        by: 'c',
      });
      expect([v1, v2, same].map((v) => (v.ok ? v.value.version : 0))).toEqual([1, 2, 2]);
      const now = await storedPolicy(store, 'check');
      expect(now?.policy.referFromGrade).toBe(7);
      expect(now?.version).toMatchObject({
        version: 2,
        by: 'cora',
        reason: 'tighter after two defaults',
        recordedAt: AT,
      });
      expect((await store.policyVersions('check')).length).toBe(2);
      expect((await listAudit(store, { entity: 'policy:check' })).map((e) => e.reason)).toEqual([
        'first',
        'tighter after two defaults',
      ]);
    });
  });
}
