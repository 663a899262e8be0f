import { type BehaviourWindow, type BuyerFinancials, type BuyerPd, lineColumn, type Reason } from '@credence/app';
import type { Grade, GradeOverride, GradeOverrideEvent } from '@credence/core';
import {
  altmanZone,
  type CurrencyCode,
  POLISH_ATTRIBUTES,
  type RatioName,
  type RatioValue,
  renderTable,
} from '@credence/core';
import { fmt } from '../format/money';
import type { Say } from './reason-lang';

const SHOWN: readonly (readonly [RatioName, string, 'x' | '%' | 'days' | 'amount' | 'z'])[] = [
  ['currentRatio', 'Current ratio', 'x'],
  ['quickRatio', 'Quick ratio', 'x'],
  ['workingCapital', 'Working capital', 'amount'],
  ['debtRatio', 'Debt ratio', '%'],
  ['gearing', 'Gearing', 'x'],
  ['equityRatio', 'Equity ratio', '%'],
  ['returnOnAssets', 'Return on assets', '%'],
  ['netMargin', 'Net margin', '%'],
  ['receivableDays', 'Receivable days', 'days'],
  ['interestCoverage', 'Interest coverage', 'x'],
  ['salesGrowth', 'Sales growth', '%'],
  ['altmanZ2', "Altman Z''", 'z'],
];

const REASONS: Readonly<Record<string, string>> = {
  missing_line: 'not reported',
  zero_denominator: 'zero base',
  not_positive_base: 'base not positive',
  no_prior_year: 'no prior year',
};

function show(v: RatioValue, kind: (typeof SHOWN)[number][2], s: { currency: CurrencyCode }): string {
  if (!v.ok) return `n/a (${REASONS[v.reason] ?? v.reason}: ${v.lines.map(lineColumn).join(', ')})`;
  switch (kind) {
    case '%':
      return `${(v.value * 100).toFixed(1)} %`;
    case 'days':
      return `${v.value.toFixed(0)} days`;
    case 'amount':
      return `${s.currency} ${fmt(BigInt(Math.round(v.value)), s.currency)}`;
    case 'z':
      return `${v.value.toFixed(2)} (${altmanZone(v.value)})`;
    default:
      return v.value.toFixed(2);
  }
}

/** The key ratios of the latest statement, as lines of text (empty when there is none). */
export function financialsText(f: BuyerFinancials | undefined): string {
  if (f === undefined) return '';
  const width = Math.max(...SHOWN.map(([, label]) => label.length));
  const lines = SHOWN.map(([name, label, kind]) => `${label.padEnd(width)}  ${show(f.ratios[name], kind, f)}`);
  return `\n\nFinancials: fiscal year ${f.fiscalYear} (ended ${f.periodEnd}, ${f.currency})\n${lines.join('\n')}`;
}

/** The same for `--format json`: every ratio, a number or why there is none. */
export function financialsJson(f: BuyerFinancials | undefined) {
  if (f === undefined) return undefined;
  return {
    fiscalYear: f.fiscalYear,
    periodEnd: f.periodEnd,
    currency: f.currency,
    ratios: Object.fromEntries(
      Object.entries(f.ratios).map(([k, v]) => [k, v.ok ? v.value : { unavailable: v.reason, lines: v.lines }]),
    ),
  };
}

/** A reason in words: `+0.84 Attr27 = 0.53 (profit on operating activities / financial expenses)`. */
export function reasonText(r: Reason): string {
  const about = POLISH_ATTRIBUTES[r.feature];
  const value = Number.isNaN(r.value) ? 'missing' : String(Number(r.value.toPrecision(4)));
  const sign = r.contribution >= 0 ? '+' : '−';
  return `${sign}${Math.abs(r.contribution).toFixed(2)} ${r.feature} = ${value}${about ? ` (${about})` : ''}`;
}

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;

/** The buyer's financial PD and its reasons in words, each with what it did to the log-odds. */
export function pdText(p: BuyerPd | undefined, s: Say): string {
  if (p === undefined) return '';
  const missing = p.missingInputs > 0 ? `, ${p.missingInputs} of 64 inputs not available` : '';
  const lines = p.reasons.map((r) => `  ${signed(r.contribution)}  ${s.model(r)}`);
  return `\n\nFinancial PD (default model, fiscal year ${p.fiscalYear}${missing}): ${(p.pd * 100).toFixed(2)} %\n${lines.join('\n')}`;
}

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

/** An override in words: `overridden to 5 by cora on 2026-06-30: parent guarantee signed, until 2026-09-30`. */
export const overrideText = (o: GradeOverrideEvent): string =>
  o.action === 'clear'
    ? `override removed by ${o.by} on ${o.recordedOn}: ${o.reason}`
    : `overridden to ${o.grade} (${o.tier} risk) by ${o.by} on ${o.recordedOn}: ${o.reason}${o.until ? `, until ${o.until}` : ''}`;

/**
 * The risk grade and its steps in words: where it starts, then what each signal added to the log-odds. With an
 * override in force, both: the grade in force first, then the computed one and the override (who, when, why).
 */
export function gradeText(g: Grade | undefined, s: Say, override?: GradeOverride): string {
  if (g === undefined) return '';
  const missing = g.missing.length > 0 ? `; missing: ${g.missing.join(', ')}` : '';
  const steps = g.reasons.map((r, i) => (i === 0 ? `  ${s.grade(r)}` : `  ${signed(r.logOdds)}  ${s.grade(r)}`));
  const head =
    override === undefined
      ? `Risk grade ${g.grade} (${g.tier} risk), PD ${pct(g.pd)}, confidence ${g.confidence}${missing}`
      : `Risk grade ${override.grade} (${override.tier} risk): computed ${g.grade} (${g.tier} risk), ${overrideText(override)}\n` +
        `Computed: PD ${pct(g.pd)}, confidence ${g.confidence}${missing}`;
  return `\n\n${head}\n${steps.join('\n')}`;
}

/** A grade for JSON: the codes and figures as they are, each reason with its sentence (`text`). */
export const gradeJson = (g: Grade, s: Say) => ({ ...g, reasons: g.reasons.map((r) => ({ ...r, text: s.grade(r) })) });

/** A financial PD for JSON, each model reason with its sentence. */
export const pdJson = (p: BuyerPd, s: Say) => ({ ...p, reasons: p.reasons.map((r) => ({ ...r, text: s.model(r) })) });

/** Payment behaviour over 3, 6 and 12 months, as a small table. */
export function behaviourText(windows: readonly BehaviourWindow[]): string {
  if (windows.every((w) => w.settlements === 0))
    return '\n\nPayment behaviour: no invoice settled in the last 12 months';
  const rows = windows.map((w) => [
    `last ${w.months} months`,
    String(w.settlements),
    w.weightedDaysBeyondTerms.toFixed(1),
    `${(w.lateShare * 100).toFixed(0)} %`,
    String(w.longestDelayDays),
  ]);
  const [m3, , m12] = windows;
  const trend =
    m3 && m12 && m3.settlements > 0 && m3.weightedDaysBeyondTerms > m12.weightedDaysBeyondTerms + 1
      ? '  (paying slower lately)'
      : '';
  return `\n\nPayment behaviour${trend}\n${renderTable(
    [
      { header: 'Window' },
      { header: 'Settled', align: 'right' },
      { header: 'Days beyond terms', align: 'right' },
      { header: 'Paid late', align: 'right' },
      { header: 'Longest delay', align: 'right' },
    ],
    rows,
  )}`;
}
