import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
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
const STORAGE_KEY = 'credence.lang';

export type Params = Readonly<Record<string, string | number>>;

/** The language remembered on this browser, else the browser's own (Chinese in Taiwan and Hong Kong: Traditional). */
function initialLang(): Lang {
  const kept = localStorage.getItem(STORAGE_KEY);
  if (kept !== null && (LANGUAGES as readonly string[]).includes(kept)) return kept as Lang;
  const nav = navigator.language;
  if (/^zh-(TW|HK|MO|Hant)/i.test(nav)) return 'zh-TW';
  return nav.startsWith('zh') ? 'zh-CN' : 'en';
}

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

interface I18n {
  readonly lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: Params): string;
}

const Context = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Context);
  if (v === undefined) throw new Error('useI18n outside I18nProvider');
  return v;
}
