import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { pagesFor } from '../pages/pages';
import { Link, useLocation } from '../router';
import { useSession } from '../session/session';
import { LanguageSwitch } from './language-switch';

/** The pages the role may open, who is signed in, the language. */
export function NavBar({ me }: { me: Schemas['Me'] }) {
  const { t } = useI18n();
  const { signOut } = useSession();
  const { path } = useLocation();
  const pages = pagesFor(me.role);
  return (
    <header className="top">
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <span className="brand">{t('app.name')}</span>
      <nav aria-label={t('app.name')}>
        <ul>
          {pages.map((p) => {
            const here = p.path === '/' ? path === '/' : path.startsWith(p.path);
            return (
              <li key={p.id} className={here ? 'here' : undefined}>
                <Link href={p.path}>{t(p.label)}</Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <span className="who">{t('nav.signedInAs', { user: me.user, role: t(`role.${me.role}`) })}</span>
      <LanguageSwitch />
      <button type="button" className="link" onClick={signOut}>
        {t('nav.signOut')}
      </button>
    </header>
  );
}
