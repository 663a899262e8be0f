import { addDays, type BusinessDate } from '../calendar';
import { type DunningLevel, isFormalNotice, isHandOff } from './policy';

/** The last letter an item was in, and its payment deadline. */
export interface LastLetter {
  readonly levelId: string;
  readonly deadline: BusinessDate;
  /** Every level the item has had a letter at, the last included (to know whether it had a formal notice). */
  readonly levels?: readonly string[];
}

/** The index of the last level whose day offset (from the due date) the item has passed; -1 for none. */
function reachedIndex(ladder: readonly DunningLevel[], dueDate: BusinessDate, asOf: BusinessDate): number {
  let reached = -1;
  ladder.forEach((l, i) => {
    if (addDays(dueDate, l.offsetDays) <= asOf) reached = i;
  });
  return reached;
}

/** Whether the item has had a formal notice (its last letter or any before it). */
function noticed(ladder: readonly DunningLevel[], last: LastLetter | undefined): boolean {
  if (last === undefined) return false;
  const ids = new Set([last.levelId, ...(last.levels ?? [])]);
  return ladder.some((l) => ids.has(l.id) && isFormalNotice(l));
}

/**
 * The level to send from `start` (the next level in order): past the levels the policy lets it skip while the
 * item has reached the following one. A hand-off (agency, legal) without a formal notice before it is never
 * sent: the last formal notice before it goes instead.
 */
function stepFrom(
  ladder: readonly DunningLevel[],
  start: number,
  reached: number,
  hadNotice: boolean,
): DunningLevel | undefined {
  let i = start;
  while (i < reached && ladder[i]?.skippable === true) i++;
  // A skipped level sent nothing: only a formal notice actually sent counts.
  const level = ladder[i];
  if (level === undefined || !isHandOff(level) || hadNotice) return level;
  for (let k = i - 1; k >= 0; k--) if (isFormalNotice(ladder[k] as DunningLevel)) return ladder[k];
  return undefined;
}

/** The first level after the due date (offset ≥ 0): where an overdue item without letters starts. */
export const firstOverdueIndex = (ladder: readonly DunningLevel[]): number =>
  ladder.findIndex((l) => l.offsetDays >= 0);

/**
 * The level an open item has reached on a date, stepwise (docs/domain/dunning.md): an item with no letter yet
 * gets the pre-due reminder before its due date and the first overdue level after it; an item that had a letter
 * moves on only after that letter's payment deadline, and only to the next level (if its day offset is passed),
 * or past it when the policy marks it `skippable`. Agency and legal levels come only after a formal notice.
 * Undefined when nothing new is due.
 */
export function levelDue(
  ladder: readonly DunningLevel[],
  dueDate: BusinessDate,
  asOf: BusinessDate,
  last?: LastLetter,
): DunningLevel | undefined {
  const reached = reachedIndex(ladder, dueDate, asOf);
  if (reached < 0) return undefined;
  if (last !== undefined && asOf <= last.deadline) return undefined;
  const again = repeated(ladder, reached, asOf, last);
  if (again !== undefined) return again;
  const start = nextIndex(ladder, reached, last);
  if (start < 0 || start > reached) return undefined;
  return stepFrom(ladder, start, reached, noticed(ladder, last));
}

/**
 * The last letter's level once more, when it repeats (`repeatEveryDays`), its interval has passed since that
 * letter (its deadline less the level's deadline days) and the item has not reached the next level.
 */
function repeated(
  ladder: readonly DunningLevel[],
  reached: number,
  asOf: BusinessDate,
  last: LastLetter | undefined,
): DunningLevel | undefined {
  if (last === undefined) return undefined;
  const at = ladder.findIndex((l) => l.id === last.levelId);
  const level = ladder[at];
  if (level?.repeatEveryDays === undefined || reached > at) return undefined;
  const sentOn = addDays(last.deadline, -level.deadlineDays);
  return addDays(sentOn, level.repeatEveryDays) <= asOf ? level : undefined;
}

/** Where the item goes next: after its last letter, else its first level (pre-due, or the first overdue one). */
function nextIndex(ladder: readonly DunningLevel[], reached: number, last: LastLetter | undefined): number {
  const at = last === undefined ? -1 : ladder.findIndex((l) => l.id === last.levelId);
  if (at >= 0) return at + 1;
  // No letter (or one of a level no longer on this ladder): a pre-due reminder, or the start of the overdue ladder.
  if ((ladder[reached]?.offsetDays ?? 0) < 0) return last === undefined ? reached : -1;
  return firstOverdueIndex(ladder);
}

/** A letter's payment deadline: its date plus the level's deadline days. */
export const deadlineOf = (level: DunningLevel, sentOn: BusinessDate): BusinessDate =>
  addDays(sentOn, level.deadlineDays);

/**
 * The level for an item whose promise or payment plan has just broken: the next step at once, without waiting
 * for the last letter's deadline or the next level's day offset (still one step, or past `skippable` levels the
 * item has reached; still a formal notice before a hand-off). Undefined when the item is not yet due for any
 * level or already had the ladder's last.
 */
export function escalatedLevel(
  ladder: readonly DunningLevel[],
  dueDate: BusinessDate,
  asOf: BusinessDate,
  last?: LastLetter,
): DunningLevel | undefined {
  // Not yet due: nothing to escalate to; the ordinary rule (a pre-due reminder at most) applies.
  if (asOf <= dueDate) return levelDue(ladder, dueDate, asOf, last);
  const reached = reachedIndex(ladder, dueDate, asOf);
  if (reached < 0) return undefined;
  const start = nextIndex(ladder, reached, last);
  if (start < 0 || start >= ladder.length) return undefined;
  return stepFrom(ladder, start, Math.max(reached, start), noticed(ladder, last));
}
