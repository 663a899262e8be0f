import {
  type BusinessDate,
  effectiveGrade,
  type Grade,
  type GradeFigures,
  type GradeOverride,
  overrideInForce,
} from '@credence/core';
import type { LedgerReads } from '../ports';

/** The buyer's grade as recorded by the last `grade run` on or before the date, if any (not overridden). */
export async function recordedGradeAsOf(
  store: LedgerReads,
  buyerId: string,
  asOf: BusinessDate,
): Promise<Grade | undefined> {
  return (await store.gradesOf(buyerId)).filter((g) => g.asOf <= asOf).at(-1)?.grade;
}

/**
 * The grade a decision uses on the date: the credit manager's override in force (`overrideInForce`), else the
 * grade the last `grade run` recorded; undefined with neither. `override` tells which it was.
 */
export async function gradeInForce(
  store: LedgerReads,
  buyerId: string,
  asOf: BusinessDate,
): Promise<(GradeFigures & { readonly override?: GradeOverride }) | undefined> {
  const [recorded, events] = await Promise.all([
    recordedGradeAsOf(store, buyerId, asOf),
    store.gradeOverridesOf(buyerId),
  ]);
  const override = overrideInForce(events, asOf);
  const g = effectiveGrade(recorded, override);
  return g === undefined ? undefined : { ...g, ...(override !== undefined ? { override } : {}) };
}

/** Every buyer's tier in force on the date (`gradeInForce` for all at once: two queries), by buyer. */
export async function tiersInForce(
  store: Pick<LedgerReads, 'monitoringFacts' | 'gradeOverridesUpTo'>,
  asOf: BusinessDate,
): Promise<Map<string, Grade['tier']>> {
  const [facts, overrides] = await Promise.all([store.monitoringFacts(asOf), store.gradeOverridesUpTo(asOf)]);
  const recorded = new Map(facts.grades.map((g) => [g.buyerId, g.grade]));
  const eventsOf = new Map<string, (typeof overrides)[number][]>();
  for (const o of overrides) eventsOf.set(o.buyerId, [...(eventsOf.get(o.buyerId) ?? []), o]);
  const out = new Map<string, Grade['tier']>();
  for (const id of new Set([...recorded.keys(), ...eventsOf.keys()])) {
    const g = effectiveGrade(recorded.get(id), overrideInForce(eventsOf.get(id) ?? [], asOf));
    if (g !== undefined) out.set(id, g.tier);
  }
  return out;
}
