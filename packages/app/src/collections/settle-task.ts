import { type BusinessDate, fail, ok, type Result, type StoredTask } from '@credence/core';
import type { LedgerWrites, Store } from '../ports';

async function openTask(tx: LedgerWrites, key: string): Promise<Result<StoredTask>> {
  const [task] = await tx.worklistTasks({ states: [], keys: [key] });
  if (task === undefined) return fail('not_found', { what: 'task', id: key });
  if (task.state === 'done') return fail('not_allowed', { reason: 'task_done', id: key, on: task.stateOn });
  return ok(task);
}

/**
 * Marks a worklist task done (a letter posted, a hand-off sent, a credit hold applied …). With a note, the
 * outcome also goes on the buyer's timeline as a note about the task's documents.
 */
export async function completeTask(
  store: Store,
  x: { readonly key: string; readonly by: string; readonly note?: string },
  today: BusinessDate,
): Promise<Result<StoredTask>> {
  return store.transact(async (tx) => {
    const found = await openTask(tx, x.key);
    if (!found.ok) return found;
    const { snoozedUntil: _, ...task } = found.value;
    const note = x.note?.trim();
    const done: StoredTask = {
      ...task,
      state: 'done',
      stateOn: today,
      closeReason: 'marked_done',
      by: x.by,
      ...(note ? { note } : {}),
    };
    await tx.saveWorklistTasks([done]);
    if (note)
      await tx.appendCollectionEvents([
        {
          kind: 'note',
          buyerId: task.buyerId,
          date: today,
          by: x.by,
          text: `${task.action.replaceAll('_', ' ')} done (${task.key}): ${note}`,
          documents: [...task.documents],
        },
      ]);
    return ok(done);
  });
}

/** Puts a task aside until a later date: it leaves the list and comes back on that date unless dealt with. */
export async function snoozeTask(
  store: Store,
  x: { readonly key: string; readonly until: BusinessDate; readonly by: string; readonly note?: string },
  today: BusinessDate,
): Promise<Result<StoredTask>> {
  if (x.until <= today) return fail('invalid_date', { value: x.until, reason: 'not_after_today', today });
  return store.transact(async (tx) => {
    const found = await openTask(tx, x.key);
    if (!found.ok) return found;
    const note = x.note?.trim();
    const snoozed: StoredTask = {
      ...found.value,
      state: 'snoozed',
      stateOn: today,
      snoozedUntil: x.until,
      by: x.by,
      ...(note ? { note } : {}),
    };
    await tx.saveWorklistTasks([snoozed]);
    return ok(snoozed);
  });
}
