import type { Buyer, WorkReason } from '@credence/core';
import type { LedgerReads } from '../ports';

/** What a collector narrows the worklist to (all when empty). */
export interface WorklistFilter {
  readonly action?: string;
  readonly collector?: string;
  readonly country?: string;
  /** The dunning level of a letter task (`reason.params.level`). */
  readonly level?: string;
  /** The risk tier of the buyer's grade in force. */
  readonly tier?: string;
}

interface Filterable {
  readonly buyerId: string;
  readonly action: string;
  readonly reason: WorkReason;
  readonly tier?: string;
}

/** The choices a filter offers: the values present among the day's tasks. */
export interface WorklistFacets {
  readonly actions: readonly string[];
  readonly collectors: readonly string[];
  readonly countries: readonly string[];
  readonly levels: readonly string[];
  readonly tiers: readonly string[];
}

export const taskLevel = (t: Filterable): string => {
  const l = t.reason.params.level;
  return l === undefined ? '' : String(l);
};

const present = (xs: Iterable<string | undefined>) =>
  [...new Set(xs)].filter((x): x is string => x !== undefined && x !== '').sort();

/**
 * The ranked tasks narrowed by the filter, in their rank, each with its buyer (name, country, collector): the
 * web worklist's page, so the browser loads neither every task nor every buyer. Also the facets of all tasks.
 */
export async function filterWorklist<T extends Filterable>(
  store: Pick<LedgerReads, 'findBuyers'>,
  tasks: readonly T[],
  f: WorklistFilter,
): Promise<{ tasks: (T & { buyer?: Buyer })[]; facets: WorklistFacets }> {
  const buyers = new Map((await store.findBuyers([...new Set(tasks.map((t) => t.buyerId))])).map((b) => [b.id, b]));
  const withBuyer: (T & { buyer?: Buyer })[] = tasks.map((t) => {
    const buyer = buyers.get(t.buyerId);
    return buyer ? { ...t, buyer } : { ...t };
  });
  const facets = {
    actions: present(tasks.map((t) => t.action)),
    collectors: present([...buyers.values()].map((b) => b.collector)),
    countries: present([...buyers.values()].map((b) => b.country)),
    levels: present(tasks.map(taskLevel)),
    tiers: present(tasks.map((t) => t.tier)),
  };
  const kept = withBuyer.filter(
    (t) =>
      (f.action === undefined || t.action === f.action) &&
      (f.collector === undefined || t.buyer?.collector === f.collector) &&
      (f.country === undefined || t.buyer?.country === f.country) &&
      (f.level === undefined || taskLevel(t) === f.level) &&
      (f.tier === undefined || t.tier === f.tier),
  );
  return { tasks: kept, facets };
}
