// A problem+json answer (RFC 9457) in the user's language: the problem type's words, the rule that refused it
// when the API names one (code, params.reason), the invalid fields; the API's English detail as a last resort.
import { en, type MessageKey } from '../i18n/en';
import type { Params } from '../i18n/i18n';

type T = (key: MessageKey, params?: Params) => string;

interface ProblemLike {
  type?: unknown;
  code?: unknown;
  params?: Record<string, unknown>;
  errors?: { field?: unknown }[];
  detail?: unknown;
}

const known = (key: string): key is MessageKey => key in en;

export function problemMessage(t: T, error: unknown): string {
  return problemWords(t, error).text;
}

/** The problem in words; `specific` when the catalogue knows its rule or code (else the problem type's words). */
export function problemWords(t: T, error: unknown): { text: string; specific: boolean } {
  if (!error || typeof error !== 'object') return { text: t('problem.other'), specific: false };
  const p = error as ProblemLike;
  const slug = typeof p.type === 'string' ? p.type.split('/').pop() : undefined;
  const reason = typeof p.params?.reason === 'string' ? `problem.reason.${p.params.reason}` : undefined;
  const code = typeof p.code === 'string' ? `problem.code.${p.code}` : undefined;
  if (reason !== undefined && known(reason)) return { text: t(reason), specific: true };
  if (code !== undefined && known(code)) return { text: t(code), specific: true };
  if (slug === 'validation' && Array.isArray(p.errors)) {
    const fields = p.errors.map((e) => String(e.field ?? '').replace(/^body\./, '')).join(', ');
    return { text: t('problem.validation', { fields }), specific: true };
  }
  const general = slug !== undefined ? `problem.${slug}` : undefined;
  return { text: general !== undefined && known(general) ? t(general) : t('problem.other'), specific: false };
}
