import { ok, type Result } from '@credence/core';
import type { Store } from '../ports';
import { type KeptWorklist, worklistOfDay } from './refresh-worklist';
import type { WorklistDay } from './worklist';

/**
 * The worklist `refreshWorklist` would show for the day, without keeping it: nothing is written (the API's GET).
 * Tasks the day derives are kept once the list is refreshed (`credence worklist`, POST /worklist/refresh); until
 * then they cannot be marked done or snoozed.
 */
export async function viewWorklist(store: Store, x: WorklistDay): Promise<Result<KeptWorklist>> {
  const day = await worklistOfDay(store, x);
  return day.ok ? ok(day.value.list) : day;
}
