import { addDays, type BusinessDate } from '../calendar';
import { deadlineOf, type LastLetter, levelDue } from './level';
import type { DunningLevel } from './policy';

/** One letter of an unpaid invoice's course: the day after the due date it goes and its level. */
export interface RhythmStep {
  readonly day: number;
  readonly level: DunningLevel;
}

/**
 * The course of one invoice nobody pays, with a run every day from `fromDay` to `toDay` (days from its due
 * date): which level goes on which day (`levelDue` with the letters sent so far). Shows a policy's rhythm
 * (docs/domain/dunning.md: the default against the seeds').
 */
export function dunningRhythm(ladder: readonly DunningLevel[], fromDay: number, toDay: number): RhythmStep[] {
  const due = '2026-01-01' as BusinessDate;
  const steps: RhythmStep[] = [];
  let last: LastLetter | undefined;
  for (let d = fromDay; d <= toDay; d++) {
    const day = addDays(due, d);
    const level = levelDue(ladder, due, day, last);
    if (level === undefined) continue;
    last = { levelId: level.id, deadline: deadlineOf(level, day), levels: [...(last?.levels ?? []), level.id] };
    steps.push({ day: d, level });
  }
  return steps;
}
