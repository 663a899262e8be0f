import { addDays, type BusinessDate } from '../calendar';
import type { DunningLevel } from './policy';

/** The last letter an item was in, and its payment deadline. */
export interface LastLetter {
  readonly levelId: string;
  readonly deadline: BusinessDate;
}

/**
 * The level an open item has reached on a date: the last level whose day offset (from the due date) it has
 * passed. An item that already had a letter moves to a later level only once that letter's payment deadline
 * has passed; until then, or if no later level is reached, nothing new is due (undefined).
 */
export function levelDue(
  ladder: readonly DunningLevel[],
  dueDate: BusinessDate,
  asOf: BusinessDate,
  last?: LastLetter,
): DunningLevel | undefined {
  let reached: DunningLevel | undefined;
  for (const l of ladder) if (addDays(dueDate, l.offsetDays) <= asOf) reached = l;
  if (reached === undefined) return undefined;
  if (last === undefined) return reached;
  if (asOf <= last.deadline) return undefined;
  const at = ladder.findIndex((l) => l.id === last.levelId);
  return ladder.indexOf(reached) > at ? reached : undefined;
}

/** A letter's payment deadline: its date plus the level's deadline days. */
export const deadlineOf = (level: DunningLevel, sentOn: BusinessDate): BusinessDate =>
  addDays(sentOn, level.deadlineDays);

/**
 * The level for an item whose promise or payment plan has just broken: escalated at once, without waiting
 * for the last letter's deadline, to the later of the level its days overdue have reached and the level after
 * its last letter. Undefined when the item is not yet due for any level or already had the ladder's last.
 */
export function escalatedLevel(
  ladder: readonly DunningLevel[],
  dueDate: BusinessDate,
  asOf: BusinessDate,
  last?: LastLetter,
): DunningLevel | undefined {
  // Not yet due: nothing to escalate to; the ordinary rule (a pre-due reminder at most) applies.
  if (asOf <= dueDate) return levelDue(ladder, dueDate, asOf, last);
  let reached = -1;
  ladder.forEach((l, i) => {
    if (addDays(dueDate, l.offsetDays) <= asOf) reached = i;
  });
  if (reached < 0) return undefined;
  const after = last === undefined ? 0 : ladder.findIndex((l) => l.id === last.levelId) + 1;
  return ladder[Math.max(reached, after)];
}
