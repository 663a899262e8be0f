import { LANGUAGE_NAMES, LANGUAGES, type Lang, useI18n } from '../i18n/i18n';

/** The language of the whole workspace, remembered by the browser. */
export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <label className="inline">
      {t('nav.language')}{' '}
      <select name="lang" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
