// The catalogues and how a message is filled in, without React (the components' context is in i18n.tsx).
import { type Catalogue, en, type MessageKey } from './en';
import { formatDate } from './format';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';

export const LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = {
  en: 'English',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
};

const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

export type Params = Readonly<Record<string, string | number>>;

/** A business date as the API sends it (YYYY-MM-DD), nothing before or after. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The message in the language, its {params} filled in; a param that is a business date (YYYY-MM-DD) is written as
 * the language writes dates, so no message shows an ISO date however its caller passed it.
 */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return CATALOGUES[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined) return m;
    return typeof v === 'string' && ISO_DATE.test(v) ? formatDate(lang, v) : String(v);
  });
}
