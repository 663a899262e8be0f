import { en, type MessageKey } from '../../i18n/en';
import type { Lang, Params } from '../../i18n/i18n';

type T = (k: MessageKey, p?: Params) => string;

/** A code in words when the catalogue knows it (`prefix.code`), else the code as the API sends it. */
export function named(t: T, prefix: string, code: string, params?: Params): string {
  const key = `${prefix}.${code}`;
  return key in en ? t(key as MessageKey, params) : code;
}

/** A letter's language (en, zh-TW, de …) named in the page's language. */
export function languageName(lang: Lang, code: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
