import { NavBar } from './components/nav-bar';
import { useI18n } from './i18n/i18n';
import { BuyerPage } from './pages/buyer';
import { BuyersPage } from './pages/buyers';
import { CreditDeskPage } from './pages/credit-desk';
import { DashboardPage } from './pages/dashboard';
import { DocumentsPage } from './pages/documents';
import { DunningPage } from './pages/dunning';
import { EclPage } from './pages/ecl';
import { ForecastPage } from './pages/forecast';
import { ImportPage } from './pages/import';
import { type PageId, pagesFor } from './pages/pages';
import { SignInPage } from './pages/sign-in';
import { WorklistPage } from './pages/worklist';
import { useLocation } from './router';
import { useSession } from './session/session';

/** Signed in: the navigation and the page of the path, if the role may open it; else the sign-in. */
export function App() {
  const { me } = useSession();
  const { t } = useI18n();
  if (me === null) return <p className="muted">{t('common.loading')}</p>;
  if (me === undefined) return <SignInPage />;
  return (
    <>
      <NavBar me={me} />
      <main id="main">
        <Page allowed={pagesFor(me.role).map((p) => p.id)} />
      </main>
    </>
  );
}

function Page({ allowed }: { allowed: readonly PageId[] }) {
  const { path } = useLocation();
  const { t } = useI18n();
  const buyer = /^\/buyers\/([^/]+)$/.exec(path)?.[1];
  const named: Readonly<Record<string, PageId>> = {
    '/': 'dashboard',
    '/worklist': 'worklist',
    '/dunning': 'dunning',
    '/import': 'import',
    '/credit-desk': 'creditDesk',
    '/forecast': 'forecast',
    '/ecl': 'ecl',
  };
  const wanted: PageId | undefined = path === '/buyers' || buyer ? 'buyers' : named[path];
  // The documents behind a dashboard figure: opened from the dashboard, by the roles that read it (not in the menu).
  if (path === '/documents' && allowed.includes('dashboard')) return <DocumentsPage />;
  // A page the role may not open is not offered: its first page instead (or none at all).
  const id = wanted !== undefined && allowed.includes(wanted) ? wanted : allowed[0];
  if (id === undefined) return <p>{t('nav.nothing')}</p>;
  if (id === 'buyers' && buyer !== undefined && wanted === 'buyers')
    return <BuyerPage id={decodeURIComponent(buyer)} />;
  if (id === 'dashboard') return <DashboardPage />;
  if (id === 'worklist') return <WorklistPage />;
  if (id === 'dunning') return <DunningPage />;
  if (id === 'import') return <ImportPage />;
  if (id === 'creditDesk') return <CreditDeskPage />;
  if (id === 'forecast') return <ForecastPage />;
  if (id === 'ecl') return <EclPage />;
  return <BuyersPage />;
}
