import { type FormEvent, useState } from 'react';
import { LanguageSwitch } from '../components/language-switch';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';

/** Sign-in with an API token (`credence user add NAME --role ROLE`); the role comes from GET /me. */
export function SignInPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(false);
  const [failed, setFailed] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailed(!(await signIn(token.trim(), remember)));
  };
  return (
    <main id="main" className="sign-in">
      <div className="sign-in-top">
        <LanguageSwitch />
      </div>
      <form onSubmit={submit} className="panel">
        <h1>{t('app.name')}</h1>
        <h2>{t('signIn.title')}</h2>
        <p>{t('signIn.intro')}</p>
        <label>
          {t('signIn.token')}
          <input
            name="token"
            type="password"
            autoComplete="off"
            required
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
        </label>
        <label className="inline">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />{' '}
          {t('signIn.remember')}
        </label>
        {failed && (
          <p className="error" role="alert">
            {t('signIn.invalid')}
          </p>
        )}
        <button type="submit">{t('signIn.submit')}</button>
      </form>
    </main>
  );
}
