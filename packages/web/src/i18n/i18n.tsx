import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { MessageKey } from './en';
import { LANGUAGES, type Lang, type Params, translate } from './translate';

export { LANGUAGE_NAMES, LANGUAGES, type Lang, type Params, translate } from './translate';

const STORAGE_KEY = 'credence.lang';

/** The language remembered on this browser, else the browser's own (Chinese in Taiwan and Hong Kong: Traditional). */
function initialLang(): Lang {
  const kept = localStorage.getItem(STORAGE_KEY);
  if (kept !== null && (LANGUAGES as readonly string[]).includes(kept)) return kept as Lang;
  const nav = navigator.language;
  if (/^zh-(TW|HK|MO|Hant)/i.test(nav)) return 'zh-TW';
  return nav.startsWith('zh') ? 'zh-CN' : 'en';
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
