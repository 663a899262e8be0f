import type { BusinessDate, CurrencyCode, DunningPolicy, RateTables } from '@credence/core';
import type { AlertPolicy } from '@credence/core/monitoring';
import { matchBankLines } from '../cash-application/match-bank-lines';
import type { Company } from '../collections/company';
import { runDunning } from '../collections/run-dunning';
import type { AccountStatement } from '../credit-policy/account-statement';
import type { KeyAccountsPolicy } from '../credit-policy/key-accounts';
import { type StatementOutcome, sendMonthlyStatements } from '../credit-policy/send-monthly-statements';
import type { GradeContext } from '../grading/grade-buyer-as-of';
import { runGrades } from '../grading/run-grades';
import { runAlerts } from '../monitoring/run-alerts';
import type { Store } from '../ports';
import { reviewsDue } from '../review/reviews-due';
import { type DailyDigests, digestStep } from './digest-step';
import type { DailyFigures } from './ports';

/** What the day's steps need: the policies in force, the company, the rates, who runs it. */
export interface DailyContext {
  readonly grading: GradeContext;
  readonly alertRules: AlertPolicy;
  readonly dunning: { readonly policy: DunningPolicy; readonly company: Company; readonly rates: RateTables };
  /** Base currency of concentration (default: the one most buyers have). */
  readonly baseCurrency?: CurrencyCode;
  /** Who runs the cycle (the cash matching's `by`). */
  readonly by: string;
  /** The clock's today: a date after it is refused (the dunning run records letters as sent). */
  readonly today?: BusinessDate;
  /** The monthly statements' delivery (a courier's); absent: the `statements` step sends nothing. */
  readonly statements?: {
    readonly policy: KeyAccountsPolicy | undefined;
    readonly send: (st: AccountStatement) => Promise<StatementOutcome>;
  };
  /** The alert digests' delivery (a courier's); absent: the `digests` step sends nothing. */
  readonly digests?: DailyDigests;
}

/**
 * One step of the daily cycle: its name (the key of its row in `daily_steps`) and its work, which reports its
 * figures or throws (the step is then recorded failed, and the next run of the date starts from it). A step is
 * idempotent for its date on its own (a rerun after a crash between its work and its record changes nothing).
 */
export interface DailyStep {
  readonly name: string;
  run(store: Store, ctx: DailyContext, asOf: BusinessDate): Promise<DailyFigures>;
}

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }, step: string): T => {
  if (!r.ok) throw new Error(`${step}: ${JSON.stringify(r.error)}`);
  return r.value;
};

/** Re-grade: every buyer graded set-based, a grade recorded where it changed (or is new). */
export const gradeStep: DailyStep = {
  name: 'grades',
  async run(store, ctx, asOf) {
    const r = await runGrades(store, ctx.grading, asOf, { changedOnly: true });
    return {
      counts: { graded: r.graded, recorded: r.recorded, changed: r.changes.length },
      by: { tier: r.byTier },
    };
  },
};

/** Reviews due: the buyers whose credit review is due by the date. */
export const reviewStep: DailyStep = {
  name: 'reviews',
  async run(store, _ctx, asOf) {
    const plans = await reviewsDue(store, asOf);
    return { counts: { buyers: plans.length, due: plans.filter((p) => p.due).length } };
  },
};

/** Alerts: the rules evaluated on the portfolio, alerts opened, updated, resolved, holds set and lifted. */
export const alertStep: DailyStep = {
  name: 'alerts',
  async run(store, ctx, asOf) {
    const r = must(
      await runAlerts(store, {
        asOf,
        policy: ctx.alertRules,
        ...(ctx.baseCurrency !== undefined ? { baseCurrency: ctx.baseCurrency } : {}),
      }),
      'alerts',
    );
    return {
      counts: {
        opened: r.opened,
        updated: r.updated,
        resolved: r.resolved,
        holdsSet: r.holdsSet.length,
        holdsLifted: r.holdsLifted.length,
        reviewTasksOpened: r.reviewTasks.opened,
        reviewTasksClosed: r.reviewTasks.closed,
      },
      by: { severity: r.openedBySeverity },
    };
  },
};

/** Cash matching: the bank statement lines waiting are matched, the sure ones applied. */
export const cashStep: DailyStep = {
  name: 'cash',
  async run(store, ctx) {
    const r = must(await matchBankLines(store, { by: ctx.by }), 'cash');
    return { counts: { lines: r.lines, ...r.counts, learned: r.learned } };
  },
};

/** Dunning: the day's plan and run (letters recorded once per date; a stopped run is finished by the next). */
export const dunningStep: DailyStep = {
  name: 'dunning',
  async run(store, ctx, asOf) {
    const r = must(
      await runDunning(store, {
        asOf,
        ...ctx.dunning,
        dryRun: false,
        ...(ctx.today !== undefined ? { today: ctx.today } : {}),
      }),
      'dunning',
    );
    const level: Record<string, number> = {};
    for (const l of r.letters) level[l.letter.levelId] = (level[l.letter.levelId] ?? 0) + 1;
    return {
      counts: {
        letters: r.letters.length,
        items: r.actions.reduce((s, a) => s + a.documents.length, 0),
        skipped: r.skipped.length,
        events: r.events.length,
        held: r.firstRun?.held.length ?? 0,
      },
      by: { level },
    };
  },
};

/**
 * Monthly statements: on the first business day of a month, each key account's statement of the month just ended
 * e-mailed (once per buyer and month; `credence statement send` does the same any day). Without a courier in the
 * context it sends nothing (`configured: 0`).
 */
export const statementStep: DailyStep = {
  name: 'statements',
  async run(store, ctx, asOf) {
    if (ctx.statements === undefined) return { counts: { configured: 0 } };
    const r = must(
      await sendMonthlyStatements(store, {
        asOf,
        ...ctx.statements,
        by: ctx.by,
        ...(ctx.today !== undefined ? { today: ctx.today } : {}),
      }),
      'statements',
    );
    return {
      counts: {
        due: r.due ? 1 : 0,
        sent: r.sent.length,
        sentBefore: r.alreadySent.length,
        noEmail: r.noEmail.length,
        failed: r.failed.length,
      },
    };
  },
};

/**
 * The daily cycle's steps, in the order they run (the digests last: a mail server down does not hold the dunning
 * back). A new step is one `DailyStep` object and one line here; its rows in `daily_steps` need no migration.
 */
export const DAILY_STEPS: readonly DailyStep[] = [
  gradeStep,
  reviewStep,
  alertStep,
  cashStep,
  dunningStep,
  statementStep,
  digestStep,
];
