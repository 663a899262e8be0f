import type { Schemas } from '../api/client';
import { en, type MessageKey } from './en';
import type { Params } from './i18n';

type T = (key: MessageKey, params?: Params) => string;
const known = (key: string): key is MessageKey => key in en;

/**
 * Why a row was rejected, in the reader's language: the codes and parameters of the upload's row errors, worded
 * as `credence import` words them (packages/cli/src/commands/row-messages.ts); a code the catalogue does not know
 * yet is shown as the API names it.
 */
export function rowReason(t: T, e: Pick<Schemas['ImportRowError'], 'code' | 'params'>): string {
  const p = e.params;
  const reason = typeof p.reason === 'string' ? p.reason : undefined;
  if (reason === 'too_long') return t(p.per === 'line' ? 'import.why.too_long_line' : 'import.why.too_long', p);
  if (reason === 'no_known_columns')
    return t('import.why.no_known_columns', { expected: String(p.required ?? '').replaceAll('|', ', ') });
  if (reason !== undefined && known(`import.why.${reason}`)) return t(`import.why.${reason}` as MessageKey, p);
  switch (e.code) {
    case 'invalid_amount':
      return p.decimals !== undefined ? t('import.why.decimals', p) : t('import.code.invalid_amount');
    case 'invalid_date':
      return t('import.code.invalid_date', { format: p.format ?? 'YYYY-MM-DD' });
    case 'document_conflict':
    case 'idempotency_conflict':
      return p.against === 'file' ? t('import.why.repeated', { row: p.firstRow ?? '?' }) : t('import.why.conflict');
    case 'invalid_field':
      if (p.choices !== undefined) return t('import.why.choices', { choices: String(p.choices).replaceAll('|', ', ') });
      return t('import.code.invalid_field');
  }
  const key = `import.code.${e.code}`;
  return known(key) ? t(key as MessageKey, p) : e.code.replaceAll('_', ' ');
}
