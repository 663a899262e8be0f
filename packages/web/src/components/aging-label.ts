import type { MessageKey } from '../i18n/en';
import type { Params } from '../i18n/i18n';

/** A bucket of the API ('not_due', '1-30', '365+') in words. */
export function agingLabel(t: (k: MessageKey, p?: Params) => string, label: string): string {
  return label === 'not_due' ? t('aging.not_due') : t('aging.range', { range: label });
}
