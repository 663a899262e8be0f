import { fail, ok, type Result } from '../result';

export type DunningChannel = 'email' | 'letter' | 'call' | 'credit_hold' | 'agency' | 'legal' | 'sms';
export type DunningTone = 'reminder' | 'warning' | 'final';

/** One rung of the ladder: from `offsetDays` after the due date (negative = before it). */
export interface DunningLevel {
  readonly id: string;
  readonly offsetDays: number;
  readonly channel: DunningChannel;
  readonly tone: DunningTone;
  /** A fee charged with this level, as a decimal string in the item's currency ("0" = none). */
  readonly fee: string;
  /** Days after the letter by which the buyer must pay (its payment deadline). */
  readonly deadlineDays: number;
  /**
   * An item may pass this level without its letter (straight to the next level it has reached). Default false:
   * escalation is stepwise, each level after the previous one's letter and its deadline. Agency and legal levels
   * still need a formal notice first (`isFormalNotice`), whatever this says.
   */
  readonly skippable?: boolean;
  /**
   * The level is sent again every so many days (after its deadline) while the item has not reached the next
   * level's day offset: reminders twice a week in days 1–15 (`levelDue`). Absent: sent once.
   */
  readonly repeatEveryDays?: number;
  /** Suspend supply (暂停供货): the run also puts the buyer on credit hold, so the order check answers hold. */
  readonly hold?: boolean;
  /** A person also calls the buyer: the letter opens a call task on the worklist besides its own. */
  readonly call?: boolean;
}

/** A rule for a segment of buyers: their own ladder (by risk tier, country or buyer group). */
export interface DunningSegment {
  readonly when: { readonly tier?: 'low' | 'medium' | 'high'; readonly country?: string; readonly group?: string };
  readonly levels: readonly DunningLevel[];
}

/** A dunning policy as data (a JSON file per policy; docs/domain/dunning.md). */
export interface DunningPolicy {
  readonly id: string;
  /** Balances below this (decimal string, in each item's currency) are not dunned. */
  readonly minimumOverdue: string;
  readonly levels: readonly DunningLevel[];
  readonly segments: readonly DunningSegment[];
  /**
   * The first run (no letter recorded yet, or history imported since the last run): "confirm" (default) sends
   * nothing beyond the first overdue level without `--confirm`; "send" sends what is due at once.
   */
  readonly firstRun?: 'confirm' | 'send';
}

/** A hand-off level: the file goes to a collection agency or to court. */
export const isHandOff = (l: DunningLevel): boolean => l.channel === 'agency' || l.channel === 'legal';

/** A formal notice: a warning or final demand in writing (letter or e-mail); a hand-off needs one before it. */
export const isFormalNotice = (l: DunningLevel): boolean =>
  (l.channel === 'letter' || l.channel === 'email') && l.tone !== 'reminder';

const CHANNELS: readonly DunningChannel[] = ['email', 'letter', 'call', 'credit_hold', 'agency', 'legal', 'sms'];
const TONES: readonly DunningTone[] = ['reminder', 'warning', 'final'];
const DECIMAL = /^\d+(\.\d+)?$/;

function checkLevels(levels: unknown, path: string, problems: string[]): void {
  if (!Array.isArray(levels) || levels.length === 0) {
    problems.push(`${path}: a non-empty list of levels`);
    return;
  }
  const ids = new Set<string>();
  let last = Number.NEGATIVE_INFINITY;
  levels.forEach((l: Partial<DunningLevel>, i) => {
    const at = `${path}[${i}]`;
    if (typeof l?.id !== 'string' || !/^[a-z][a-z0-9_]*$/.test(l.id))
      problems.push(`${at}.id: lower-case letters, digits, _`);
    else if (ids.has(l.id)) problems.push(`${at}.id: "${l.id}" appears twice`);
    else ids.add(l.id);
    if (!Number.isInteger(l?.offsetDays)) problems.push(`${at}.offsetDays: whole days from the due date`);
    else if ((l.offsetDays as number) <= last) problems.push(`${at}.offsetDays: must be later than the level before`);
    else last = l.offsetDays as number;
    if (!CHANNELS.includes(l?.channel as DunningChannel)) problems.push(`${at}.channel: one of ${CHANNELS.join(', ')}`);
    if (!TONES.includes(l?.tone as DunningTone)) problems.push(`${at}.tone: one of ${TONES.join(', ')}`);
    if (typeof l?.fee !== 'string' || !DECIMAL.test(l.fee))
      problems.push(`${at}.fee: a decimal string, e.g. "0" or "5.00"`);
    if (!Number.isInteger(l?.deadlineDays) || (l.deadlineDays as number) < 0)
      problems.push(`${at}.deadlineDays: whole days ≥ 0`);
    if (l?.skippable !== undefined && typeof l.skippable !== 'boolean') problems.push(`${at}.skippable: true or false`);
    if (l?.repeatEveryDays !== undefined && (!Number.isInteger(l.repeatEveryDays) || l.repeatEveryDays < 1))
      problems.push(`${at}.repeatEveryDays: whole days ≥ 1`);
    if (l?.hold !== undefined && typeof l.hold !== 'boolean') problems.push(`${at}.hold: true or false`);
    if (l?.call !== undefined && typeof l.call !== 'boolean') problems.push(`${at}.call: true or false`);
  });
  // A hand-off (agency, legal) must come after a formal notice on the same ladder.
  const first = levels.findIndex((l: Partial<DunningLevel>) => isHandOff(l as DunningLevel));
  if (first >= 0 && !levels.slice(0, first).some((l: Partial<DunningLevel>) => isFormalNotice(l as DunningLevel)))
    problems.push(
      `${path}[${first}]: an agency or legal level needs a formal notice (a warning or final letter) before it`,
    );
}

/** Checks a policy read from JSON; every problem is named with its path. */
export function parseDunningPolicy(json: unknown): Result<DunningPolicy> {
  const p = json as Partial<DunningPolicy> | null;
  if (typeof p !== 'object' || p === null) return fail('invalid_field', { field: 'policy', reason: 'not_an_object' });
  const problems: string[] = [];
  if (typeof p.id !== 'string' || p.id === '') problems.push('id: a name for the policy');
  if (typeof p.minimumOverdue !== 'string' || !DECIMAL.test(p.minimumOverdue))
    problems.push('minimumOverdue: a decimal string, e.g. "50.00"');
  checkLevels(p.levels, 'levels', problems);
  if (p.firstRun !== undefined && p.firstRun !== 'confirm' && p.firstRun !== 'send')
    problems.push('firstRun: "confirm" or "send"');
  const segments = p.segments ?? [];
  if (!Array.isArray(segments)) problems.push('segments: a list');
  else
    segments.forEach((s: Partial<DunningSegment>, i) => {
      const w = s?.when;
      if (typeof w !== 'object' || w === null || Object.keys(w).length === 0)
        problems.push(`segments[${i}].when: at least one of tier, country, group`);
      else if (w.tier !== undefined && !['low', 'medium', 'high'].includes(w.tier))
        problems.push(`segments[${i}].when.tier: low, medium or high`);
      checkLevels(s?.levels, `segments[${i}].levels`, problems);
    });
  if (problems.length > 0) return fail('invalid_field', { field: 'policy', reason: problems.join('; ') });
  return ok({ ...(p as DunningPolicy), segments });
}

/** The ladder for a buyer: the first segment it matches, else the policy's own. */
export function ladderFor(
  policy: DunningPolicy,
  buyer: { readonly tier?: 'low' | 'medium' | 'high'; readonly country: string; readonly group?: string },
): readonly DunningLevel[] {
  const match = policy.segments.find(
    (s) =>
      (s.when.tier === undefined || s.when.tier === buyer.tier) &&
      (s.when.country === undefined || s.when.country === buyer.country) &&
      (s.when.group === undefined || s.when.group === buyer.group),
  );
  return match?.levels ?? policy.levels;
}
