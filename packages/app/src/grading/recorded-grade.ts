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

/**
 * Every buyer's grade in force on the date (`gradeInForce` for all at once: one portfolio read, `monitoringFacts`,
 * whose grades are each buyer's latest on or before the date and whose overrides are those recorded by then), by buyer.
 */
export async function gradesInForce(
  store: Pick<LedgerReads, 'monitoringFacts'>,
  asOf: BusinessDate,
): Promise<Map<string, GradeFigures>> {
  const facts = await store.monitoringFacts(asOf);
  const recorded = new Map(facts.grades.map((g) => [g.buyerId, g.grade]));
  const eventsOf = new Map<string, (typeof facts.overrides)[number][]>();
  for (const o of facts.overrides) eventsOf.set(o.buyerId, [...(eventsOf.get(o.buyerId) ?? []), o]);
  const out = new Map<string, GradeFigures>();
  for (const id of new Set([...recorded.keys(), ...eventsOf.keys()])) {
    const g = effectiveGrade(recorded.get(id), overrideInForce(eventsOf.get(id) ?? [], asOf));
    if (g !== undefined) out.set(id, g);
  }
  return out;
}

/** Every buyer's tier in force on the date (`gradesInForce`), by buyer. */
export async function tiersInForce(
  store: Pick<LedgerReads, 'monitoringFacts'>,
  asOf: BusinessDate,
): Promise<Map<string, Grade['tier']>> {
  return new Map([...(await gradesInForce(store, asOf))].map(([id, g]) => [id, g.tier]));
}
