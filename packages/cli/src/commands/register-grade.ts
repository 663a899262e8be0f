import {
  buyerGrade,
  clearGradeOverride,
  type GradeHistoryEntry,
  gradeHistory,
  overrideGrade,
  runGrades,
} from '@credence/app';
import type { Failure, GradeReason } from '@credence/core';
import { renderTable } from '@credence/core';
import { gradeContext, policyInForce } from '@credence/runtime';
import type { Command } from 'commander';
import { type Io, withExistingStore, withStore } from '../context';
import { asDate, asFormat, asName, asNote } from '../options';
import { gradeJson, gradeText, overrideText } from './financials';
import { LANG_OPTION, reasonLang, type Say, say } from './reason-lang';
import { emit } from './register-report';

type Out = { ok: true; text: string } | { ok: false; error: Failure };

/** The step that moved a grade most (after the starting point), the one to show beside a change. */
function mainReason(reasons: readonly GradeReason[], words: Say): string {
  const steps = reasons.slice(1);
  const top = steps.reduce<GradeReason | undefined>(
    (m, r) => (m === undefined || Math.abs(r.logOdds) > Math.abs(m.logOdds) ? r : m),
    undefined,
  );
  const r = top ?? reasons[0];
  return r === undefined ? '' : `: ${words.grade(r)}`;
}

/** The grade history as a table: date, what, grade, tier, and who and why for an override. */
function historyTable(buyerId: string, entries: readonly GradeHistoryEntry[]): string {
  if (entries.length === 0) return `${buyerId}: no grade recorded and no override`;
  const rows = entries.map((e) =>
    e.kind === 'graded'
      ? [e.date, 'graded', String(e.grade.grade), e.grade.tier, '']
      : e.event.action === 'override'
        ? [
            e.date,
            'override',
            String(e.event.grade),
            e.event.tier,
            `${e.event.by}: ${e.event.reason}${e.event.until ? ` (until ${e.event.until})` : ''}`,
          ]
        : [e.date, 'override removed', '', '', `${e.event.by}: ${e.event.reason}`],
  );
  return `Grade history of ${buyerId}\n${renderTable(
    [
      { header: 'Date' },
      { header: 'What' },
      { header: 'Grade', align: 'right' },
      { header: 'Tier' },
      { header: 'By, why' },
    ],
    rows,
  )}`;
}

export function registerGradeCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const grade = program.command('grade').description('risk grades 1 (best) … 10 (worst), with their reasons');
  grade
    .command('run')
    .description('grade every buyer as of a date and record the grades (docs/domain/grading.md)')
    .option('--as-of <date>', 'grade as of this date (default: today)', asDate)
    .option('--policy <file>', 'grading policy JSON (default: the shipped one)')
    .option('--country-risk <file>', 'OECD country risk CSV: iso3, current_classification (default: shipped)')
    .option('--model <file>', 'PD model for the financial statements (default: the shipped one)')
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option(...LANG_OPTION)
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const asOf = o.asOf ?? io.clock.today();
      const words = say(reasonLang(o.lang, io.env));
      const files = await gradeContext({
        ...(o.policy ? { policy: o.policy } : {}),
        ...(o.countryRisk ? { countryRisk: o.countryRisk } : {}),
        ...(o.model ? { model: o.model } : {}),
      });
      // The grading policy in force: --policy, else the one stored with `policy set`, else the shipped file.
      const [r, ctx] = await withExistingStore(o, io, async (s) => {
        const c = { ...files, policy: await policyInForce(s, 'grading', o.policy) };
        return [await runGrades(s, c, asOf), c] as const;
      });
      if (o.format === 'json') {
        const changes = r.changes.map((c) => ({
          ...c,
          reasons: c.reasons.map((x) => ({ ...x, text: words.grade(x) })),
        }));
        io.out(JSON.stringify({ ...r, changes }, null, 2));
        return;
      }
      io.out(`Graded ${r.graded} buyers as of ${asOf} (recorded; a later run for the same date replaces them)\n`);
      const share = (n: number) => (r.graded === 0 ? '-' : `${((n / r.graded) * 100).toFixed(1)} %`);
      io.out(
        renderTable(
          [
            { header: 'Grade', align: 'right' },
            { header: 'Tier' },
            { header: 'Buyers', align: 'right' },
            { header: 'Share', align: 'right' },
          ],
          r.byGrade.map((n, i) => [
            String(i + 1),
            i + 1 <= ctx.policy.tiers.low ? 'low' : i + 1 <= ctx.policy.tiers.medium ? 'medium' : 'high',
            String(n),
            share(n),
          ]),
        ),
      );
      io.out(`\nConfidence: ${r.byConfidence.high} high, ${r.byConfidence.medium} medium, ${r.byConfidence.low} low`);
      if (r.changes.length > 0) {
        io.out(`\nChanged since their last grade (${r.changes.length}):`);
        for (const c of r.changes.slice(0, 10))
          io.out(
            `  ${c.buyerId} ${c.name}: ${c.from} → ${c.to} (${c.to > c.from ? 'downgraded' : 'upgraded'}, last graded ${c.since})${mainReason(c.reasons, words)}`,
          );
      }
    });
  grade
    .command('show')
    .description("a buyer's grade recorded by the last grade run on or before a date, with its reasons in words")
    .argument('<buyer>', 'buyer id')
    .option('--as-of <date>', 'the grade recorded on or before this date (default: today)', asDate)
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option(...LANG_OPTION)
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (buyerId: string, o) => {
      const asOf = o.asOf ?? io.clock.today();
      const words = say(reasonLang(o.lang, io.env));
      const r = await withExistingStore(o, io, async (s): Promise<Out> => {
        const g = await buyerGrade(s, { buyerId, asOf });
        if (!g.ok) return g;
        const recorded = g.value;
        if (o.format === 'json')
          return {
            ok: true,
            text: JSON.stringify(
              {
                buyerId,
                asOf: recorded.asOf,
                grade: gradeJson(recorded.grade, words),
                ...(recorded.override ? { override: recorded.override } : {}),
              },
              null,
              2,
            ),
          };
        return {
          ok: true,
          text: `${buyerId}, graded as of ${recorded.asOf}${gradeText(recorded.grade, words, recorded.override)}`,
        };
      });
      emit(io, state, r);
    });
  grade
    .command('override')
    .description("override a buyer's computed grade from today, with a reason (decisions use it while it holds)")
    .argument('<buyer>', 'buyer id')
    .argument('<grade>', 'the grade, 1 (best) … 10 (worst)', (v: string) => Number(v))
    .requiredOption('--reason <text>', 'why (required)', asNote)
    .option('--until <date>', 'the last day it holds (default: until cleared)', asDate)
    .requiredOption('--by <name>', 'who decides', asName)
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (buyerId: string, g: number, o) => {
      const today = io.clock.today();
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const x = { buyerId, grade: g, reason: o.reason, by: o.by, ...(o.until ? { until: o.until } : {}) };
        const done = await overrideGrade(s, await policyInForce(s, 'grading'), x, today);
        return done.ok ? { ok: true, text: `${buyerId}: ${overrideText(done.value)}` } : done;
      });
      emit(io, state, r);
    });
  grade
    .command('clear-override')
    .description("remove the override of a buyer's grade from today (the computed grade counts again)")
    .argument('<buyer>', 'buyer id')
    .requiredOption('--reason <text>', 'why (required)', asNote)
    .requiredOption('--by <name>', 'who decides', asName)
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (buyerId: string, o) => {
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const done = await clearGradeOverride(s, { buyerId, reason: o.reason, by: o.by }, io.clock.today());
        return done.ok ? { ok: true, text: `${buyerId}: ${overrideText(done.value)}` } : done;
      });
      emit(io, state, r);
    });
  grade
    .command('history')
    .description("a buyer's recorded grades, overrides and their removals, by date")
    .argument('<buyer>', 'buyer id')
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (buyerId: string, o) => {
      const r = await withExistingStore(o, io, async (s): Promise<Out> => {
        const h = await gradeHistory(s, buyerId);
        if (!h.ok) return h;
        if (o.format === 'json') return { ok: true, text: JSON.stringify(h.value, null, 2) };
        return { ok: true, text: historyTable(buyerId, h.value) };
      });
      emit(io, state, r);
    });
}
