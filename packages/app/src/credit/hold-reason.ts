// The reasons the system writes on the credit holds it sets itself (an alert's rule, a dunning level), written and
// read here only, so a timeline can say them in words (the rule's name, the level's) rather than as a raw key.

/** Who records the holds the system sets: the alerts run and the dunning run (a hold's `by`). */
export const SYSTEM_HOLDERS = { alert: 'monitoring', dunning: 'dunning run' } as const;

/** The reason of a hold an alert sets (`resolved`: of its release when the alert is resolved). */
export const alertHoldReason = (alertKey: string, resolved = false): string =>
  `alert ${alertKey}${resolved ? ' resolved' : ''}`;

/** The reason of a hold a dunning level sets. */
export const dunningHoldReason = (levelId: string): string => `dunning level ${levelId}`;

/** Why the system set (or lifted) a hold: an alert's rule and what it is about, or a dunning level. */
export type HoldCause =
  | { readonly cause: 'alert'; readonly rule: string; readonly subject: string; readonly resolved: boolean }
  | { readonly cause: 'dunning'; readonly level: string };

/**
 * The cause of a hold the system set, read back from its reason and who recorded it; undefined for a hold a person
 * set (its reason is theirs, shown as written). An alert's key is `rule:buyer[:subject]` (docs/domain/monitoring.md).
 */
export function holdCause(h: { readonly reason: string; readonly by: string }): HoldCause | undefined {
  if (h.by === SYSTEM_HOLDERS.alert) {
    const m = /^alert (\S+?)( resolved)?$/.exec(h.reason);
    const parts = m?.[1]?.split(':') ?? [];
    if (m === null || parts.length < 2 || parts[0] === '') return undefined;
    return { cause: 'alert', rule: parts[0] as string, subject: parts.slice(2).join(':'), resolved: !!m[2] };
  }
  if (h.by === SYSTEM_HOLDERS.dunning) {
    const m = /^dunning level (\S+)$/.exec(h.reason);
    return m?.[1] === undefined ? undefined : { cause: 'dunning', level: m[1] };
  }
  return undefined;
}
