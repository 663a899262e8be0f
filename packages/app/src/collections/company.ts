import { fail, ok, type Result } from '@credence/core';
import type { Creditor, InterestBasis, LetterLanguage } from './letter';

export const LETTER_LANGUAGES: readonly LetterLanguage[] = ['en', 'zh-CN', 'zh-TW', 'de', 'fr'];
export const INTEREST_REGIMES: readonly InterestBasis['regime'][] = [
  'eu',
  'uk',
  'de-b2b',
  'de-consumer',
  'fr',
  'cn',
  'contract',
  'none',
];

/** Grace days when the company settings give none (or there are none). */
export const DEFAULT_GRACE_DAYS = { promise: 3, plan: 5 } as const;

/** The creditor's settings (company.json): who writes the letters, and the defaults of collecting. */
export interface Company extends Creditor {
  /** Letters to buyers without a language of their own. */
  readonly language: LetterLanguage;
  /** Interest claimed from buyers without terms of their own. */
  readonly interestRegime: InterestBasis['regime'];
  readonly interestRate?: string;
  /** Days after a promised date before an unpaid promise counts as broken. */
  readonly promiseGraceDays: number;
  /** Days after an instalment's date before it counts as missed. */
  readonly planGraceDays: number;
  /** The sender address of e-mails ("Name <address>"); default the contact's. */
  readonly mailFrom?: string;
}

const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Checks company.json, naming every problem by its path. */
export function parseCompany(json: unknown): Result<Company> {
  const c = (json ?? {}) as Record<string, unknown>;
  const bank = (c.bankAccount ?? {}) as Record<string, unknown>;
  const contact = (c.contact ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  if (!text(c.name)) problems.push('name: the company name');
  if (!Array.isArray(c.address) || c.address.length === 0 || !c.address.every(text))
    problems.push('address: a list of address lines');
  if (!text(bank.bankName)) problems.push('bankAccount.bankName');
  if (!text(bank.accountName)) problems.push('bankAccount.accountName');
  if (!text(bank.iban) && !text(bank.accountNumber)) problems.push('bankAccount: iban or accountNumber');
  if (!text(contact.name)) problems.push('contact.name');
  if (!text(contact.email) || !/^[^\s@]+@[^\s@]+$/.test(contact.email))
    problems.push('contact.email: an e-mail address');
  const language = c.language ?? 'en';
  if (!LETTER_LANGUAGES.includes(language as LetterLanguage))
    problems.push(`language: one of ${LETTER_LANGUAGES.join(', ')}`);
  const regime = c.interestRegime ?? 'none';
  if (!INTEREST_REGIMES.includes(regime as InterestBasis['regime']))
    problems.push(`interestRegime: one of ${INTEREST_REGIMES.join(', ')}`);
  if (regime === 'contract' && !text(c.interestRate)) problems.push('interestRate: the agreed rate, e.g. "8%/year"');
  for (const k of ['promiseGraceDays', 'planGraceDays'] as const)
    if (c[k] !== undefined && !(Number.isInteger(c[k]) && (c[k] as number) >= 0)) problems.push(`${k}: whole days ≥ 0`);
  if (problems.length > 0)
    return fail('invalid_field', { field: 'company', reason: 'company_settings', problems: problems.join('; ') });
  return ok({
    ...(c as unknown as Creditor),
    language: language as LetterLanguage,
    interestRegime: regime as InterestBasis['regime'],
    ...(text(c.interestRate) ? { interestRate: c.interestRate } : {}),
    promiseGraceDays: (c.promiseGraceDays as number | undefined) ?? DEFAULT_GRACE_DAYS.promise,
    planGraceDays: (c.planGraceDays as number | undefined) ?? DEFAULT_GRACE_DAYS.plan,
    ...(text(c.mailFrom) ? { mailFrom: c.mailFrom } : {}),
  });
}

/** The letter language for a buyer's language tag: zh-Hant/TW/HK → zh-TW, other zh → zh-CN, else by prefix. */
export function letterLanguage(tag: string | undefined, fallback: LetterLanguage): LetterLanguage {
  if (tag === undefined) return fallback;
  const t = tag.trim().toLowerCase().replace('_', '-');
  if (t.startsWith('zh')) return /hant|tw|hk|mo/.test(t) ? 'zh-TW' : 'zh-CN';
  const prefix = t.slice(0, 2);
  return (LETTER_LANGUAGES as readonly string[]).includes(prefix) ? (prefix as LetterLanguage) : fallback;
}
