import type { ReasonKey } from './spec';

/** The languages reasons are written in (the letters' en, zh-CN, zh-TW). */
export const REASON_LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
export type ReasonLocale = (typeof REASON_LOCALES)[number];

/**
 * One language's words for reasons: a sentence per key with `{name}` placeholders, the words of risk
 * levels, how a number of days is written, and a human name for each input of the PD model.
 */
export interface ReasonCatalog {
  readonly messages: Readonly<Record<ReasonKey, string>>;
  readonly levels: Readonly<Record<'low' | 'medium' | 'high', string>>;
  /** Names of the standard dunning ladder's levels (docs/domain/dunning.md), by level id. */
  readonly dunningLevels: Readonly<Record<string, string>>;
  /** Names of the dunning channels, by channel. */
  readonly channels: Readonly<Record<string, string>>;
  /** A number of days, the number already formatted: `23 days`, `23 天`. */
  readonly days: (formatted: string, n: number) => string;
  /** Human names of the model inputs (`Attr1` … `Attr64` of the Polish model), by input name. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Names of the credit insurance deadlines, by kind (docs/domain/credit-insurance.md). */
  readonly insuranceDeadlines: Readonly<Record<string, string>>;
  /** Names of the payer pattern's signals (docs/domain/credit-policy.md §6), by code. */
  readonly payerSignals: Readonly<Record<import('../credit-policy/payer-pattern').PayerSignalCode, string>>;
}
