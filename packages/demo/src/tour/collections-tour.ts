import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Company,
  type KeptWorklist,
  parseCompany,
  type RecordedLetter,
  refreshWorklist,
  runDunning,
  type Store,
} from '@credence/app';
import { addDays, type BusinessDate, type CurrencyCode, type DunningPolicy, type RateTables } from '@credence/core';
import { commitments } from './commitments';
import { COMPANY } from './company';

/** Weeks of dunning history the demo records before the day's run. */
export const HISTORY_WEEKS = 14;

export interface CollectionsTourInput {
  /** The demo's directory: company.json and the sample letters go there. */
  readonly dir: string;
  readonly asOf: BusinessDate;
  readonly currency: CurrencyCode;
  readonly policy: DunningPolicy;
  readonly rates: RateTables;
  /** The grading policy's base PD (the worklist's default for buyers without a grade). */
  readonly basePd: number;
  /** Writes letters to a directory as PDF, HTML and .eml (runtime `writeLetters`). */
  readonly writeLetters: (dir: string, letters: readonly RecordedLetter[], from?: string) => Promise<void>;
}

export interface CollectionsTour {
  readonly policy: DunningPolicy;
  /** Letters of the weekly runs before the day's. */
  readonly earlier: number;
  /** The dispute, the promise and the pause recorded, in words. */
  readonly notes: readonly string[];
  /** The day's run: letters by level (in the policy's order) and items held out by reason. */
  readonly letters: number;
  readonly byLevel: ReadonlyMap<string, number>;
  readonly held: ReadonlyMap<string, number>;
  /** Deliveries left in the outbox for `credence dunning deliver`. */
  readonly deliveries: number;
  /** Where one sample letter per level was written. */
  readonly lettersDir: string;
  readonly worklist: KeptWorklist;
}

/**
 * The collections half of the demo: fourteen weeks of confirmed weekly runs, a dispute, a promise to pay and a
 * paused buyer among the most overdue, then the day's dunning run (recorded; the outbox is left for `dunning
 * deliver`), one sample letter per level written to `<dir>/letters`, and the collector's worklist.
 */
export async function collectionsTour(store: Store, x: CollectionsTourInput): Promise<CollectionsTour> {
  const parsed = parseCompany(COMPANY);
  if (!parsed.ok) throw new Error('demo company settings invalid');
  const company: Company = parsed.value;
  writeFileSync(join(x.dir, 'company.json'), `${JSON.stringify(COMPANY, null, 2)}\n`);
  const { asOf, policy, rates } = x;
  // The ladder climbs one step a letter: the demo has dunned weekly for the last 14 weeks (confirmed runs, each as
  // the ledger stood that day), so the day's run finds items at every level, not only first reminders.
  const earlier: RecordedLetter[] = [];
  for (let week = HISTORY_WEEKS; week >= 1; week--) {
    const past = await runDunning(store, {
      asOf: addDays(asOf, -7 * week),
      policy,
      company,
      rates,
      dryRun: false,
      confirm: true,
    });
    if (!past.ok) throw new Error(`demo dunning run failed: ${past.error.code}`);
    earlier.push(...past.value.letters);
  }
  const notes = await commitments(store, { asOf, policy, company, rates, currency: x.currency });
  const ran = await runDunning(store, { asOf, policy, company, rates, dryRun: false, confirm: true });
  if (!ran.ok) throw new Error(`demo dunning run failed: ${ran.error.code}`);
  const run = ran.value;
  const byLevel = new Map<string, number>();
  for (const a of run.actions) byLevel.set(a.level, (byLevel.get(a.level) ?? 0) + 1);
  const held = new Map<string, number>();
  for (const s of run.skipped) held.set(s.reason, (held.get(s.reason) ?? 0) + 1);
  // One sample letter per level (calls have none), so every title, the agency's included, can be looked at.
  const all = [...run.letters, ...earlier.reverse()];
  const samples = policy.levels.flatMap((level) => {
    const first = all.find((l) => l.letter.levelId === level.id && l.letter.channel !== 'call');
    return first ? [first] : [];
  });
  const lettersDir = join(x.dir, 'letters');
  await x.writeLetters(lettersDir, samples, company.mailFrom);
  const work = await refreshWorklist(store, {
    asOf,
    policy,
    company,
    rates,
    currency: x.currency,
    defaultPd: x.basePd,
  });
  if (!work.ok) throw new Error(`demo worklist failed: ${work.error.code}`);
  return {
    policy,
    earlier: earlier.length,
    notes,
    letters: run.letters.length,
    byLevel,
    held,
    deliveries: run.letters.reduce((s, l) => s + l.outbox.length, 0),
    lettersDir,
    worklist: work.value,
  };
}
