import { api } from '../api/client';
import { LANGUAGE_NAMES, LANGUAGES, type Lang, useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';

/**
 * The language of the whole workspace: remembered by the browser, and, once signed in, for the user (PUT
 * /me/language), so that the next sign-in on any browser opens in it.
 */
export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  const { me } = useSession();
  const choose = (l: Lang) => {
    setLang(l);
    if (me) void api.PUT('/me/language', { body: { language: l } });
  };
  return (
    <label className="inline">
      {t('nav.language')}{' '}
      <select name="lang" value={lang} onChange={(e) => choose(e.target.value as Lang)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
