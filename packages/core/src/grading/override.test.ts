import { describe, expect, it } from 'vitest';
import { type BusinessDate, date } from '../calendar';
import { gradeOf } from './grade';
import { effectiveGrade, type GradeOverrideEvent, gradePd, overrideFigures, overrideInForce } from './override';
import type { GradingPolicy } from './policy';

const policy = {
  masterScale: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.15, 0.3],
  tiers: { low: 3, medium: 6 },
} as unknown as GradingPolicy;
const d = (s: string): BusinessDate => date(s);
const base = { buyerId: 'B1', by: 'anna', reason: 'why' };

describe('overrideInForce', () => {
  const events: GradeOverrideEvent[] = [
    { ...base, id: 1, action: 'override', grade: 3, tier: 'low', pd: 0.0035, recordedOn: d('2026-01-10') },
    {
      ...base,
      id: 2,
      action: 'override',
      grade: 4,
      tier: 'medium',
      pd: 0.007,
      recordedOn: d('2026-02-01'),
      until: d('2026-02-28'),
    },
    { ...base, id: 3, action: 'clear', recordedOn: d('2026-04-01') },
  ];
  it('is the latest event recorded by the date, while it overrides and has not expired', () => {
    expect(overrideInForce(events, d('2026-01-09'))).toBeUndefined();
    expect(overrideInForce(events, d('2026-01-10'))?.id).toBe(1);
    expect(overrideInForce(events, d('2026-02-28'))?.id).toBe(2); // until is inclusive
    expect(overrideInForce(events, d('2026-03-01'))).toBeUndefined(); // expired: the computed grade again
    expect(overrideInForce(events.slice(0, 1), d('2026-05-01'))?.id).toBe(1); // open-ended
    expect(overrideInForce(events, d('2026-05-01'))).toBeUndefined(); // cleared
  });
  it('orders events of one day by id', () => {
    const sameDay = events.map((e) => ({ ...e, recordedOn: d('2026-01-10') }));
    expect(overrideInForce(sameDay, d('2026-01-10'))).toBeUndefined();
    expect(overrideInForce(sameDay.slice(0, 2).reverse(), d('2026-01-10'))?.id).toBe(2);
  });
});

describe('gradePd and overrideFigures', () => {
  it.each([1, 2, 5, 9, 10])('the PD of grade %s lies in its band', (g) => {
    expect(gradeOf(gradePd(g, policy), policy)).toBe(g);
  });
  it('takes the geometric middle of the band', () => {
    expect(gradePd(5, policy)).toBeCloseTo(Math.sqrt(0.01 * 0.02), 12);
    expect(gradePd(1, policy)).toBeCloseTo(Math.sqrt(0.0005 * 0.001), 12);
    expect(gradePd(10, policy)).toBeCloseTo(Math.sqrt(0.3 * 0.6), 12);
  });
  it('places the grade in its tier', () => {
    expect(overrideFigures(3, policy)).toMatchObject({ grade: 3, tier: 'low' });
    expect(overrideFigures(7, policy)).toMatchObject({ grade: 7, tier: 'high' });
  });
});

describe('effectiveGrade', () => {
  const computed = { grade: 5, tier: 'medium' as const, pd: 0.015 };
  it('is the override when there is one, else the computed grade', () => {
    const o = { ...base, id: 1, action: 'override' as const, grade: 3, tier: 'low' as const, pd: 0.0035 };
    expect(effectiveGrade(computed, { ...o, recordedOn: d('2026-01-10') })).toEqual({
      grade: 3,
      tier: 'low',
      pd: 0.0035,
    });
    expect(effectiveGrade(undefined, { ...o, recordedOn: d('2026-01-10') })?.grade).toBe(3);
    expect(effectiveGrade(computed, undefined)).toEqual(computed);
    expect(effectiveGrade(undefined, undefined)).toBeUndefined();
  });
});
