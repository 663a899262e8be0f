import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type CheckReason,
  type CurrencyCode,
  checkReasonMessage,
  type GradeReason,
  gradeReasonMessage,
  type LimitFigure,
  limitFigureMessage,
  modelReasonMessage,
  nextStepMessage,
  noFxRateMessage,
  parseReasonLocale,
  REASON_LOCALES,
  type ReasonLocale,
  type ReviewFigures,
  type ReviewReason,
  reasonLocaleOf,
  renderReason,
  reviewReasonMessage,
  type WorkNextStep,
  type WorkTask,
  workReasonMessage,
} from '@credence/core';
import { InvalidArgumentError } from 'commander';

/** The `--lang` option of the commands that print reasons. */
export const LANG_OPTION = [
  '--lang <lang>',
  `language of the reasons: ${REASON_LOCALES.join(', ')} (default: the company settings' language, else en)`,
  (value: string): ReasonLocale => {
    const l = parseReasonLocale(value);
    if (l === undefined) throw new InvalidArgumentError(`choose ${REASON_LOCALES.join(', ')}.`);
    return l;
  },
] as const;

/**
 * The language reasons are written in: --lang, else the language of the company settings ($CREDENCE_COMPANY
 * or ./company.json) when there are any (de and fr fall back to en), else en. Settings that cannot be read
 * leave en: the commands that need them say what is wrong.
 */
export function reasonLang(option: ReasonLocale | undefined, env: NodeJS.ProcessEnv): ReasonLocale {
  if (option !== undefined) return option;
  const file = resolve(env.CREDENCE_COMPANY ?? 'company.json');
  if (!existsSync(file)) return 'en';
  try {
    const language = (JSON.parse(readFileSync(file, 'utf8')) as { language?: unknown } | null)?.language;
    return reasonLocaleOf(typeof language === 'string' ? language : undefined);
  } catch {
    return 'en';
  }
}

/** Sentences of each kind of reason, in one language (the CLI's view of core/reasons). */
export const say = (lang: ReasonLocale) => ({
  grade: (r: GradeReason) => renderReason(gradeReasonMessage(r), lang),
  model: (r: { feature: string; value: number; contribution: number }) => renderReason(modelReasonMessage(r), lang),
  limit: (f: LimitFigure, c: CurrencyCode) => renderReason(limitFigureMessage(f, c), lang),
  check: (r: CheckReason, c: CurrencyCode) => renderReason(checkReasonMessage(r, c), lang),
  review: (r: ReviewReason, f: ReviewFigures) => renderReason(reviewReasonMessage(r, f), lang),
  /** A worklist task's reason, with a note when no FX rate converted its amount. */
  work: (t: Pick<WorkTask, 'reason' | 'noFxRate' | 'currency'>) =>
    `${renderReason(workReasonMessage(t.reason), lang)}${t.noFxRate ? ` (${renderReason(noFxRateMessage(t.currency), lang)})` : ''}`,
  /** A worklist task's next step (from the payer's pattern), in words. */
  next: (n: WorkNextStep) => renderReason(nextStepMessage(n), lang),
});
export type Say = ReturnType<typeof say>;
