import type { MessageKey } from '../i18n/en';
import type { Role } from '../session/session';

/**
 * The pages and who may open them: the roles of the API routes each page reads (x-roles of the OpenAPI
 * document, packages/server/src/routes/access.ts). What a role may not do is not offered.
 */
/** The portfolio reports (aging, KPIs, the most overdue buyers): REPORTERS in access.ts. */
const REPORTERS: readonly Role[] = ['admin', 'credit_manager', 'collector'];

export const PAGES: readonly { id: PageId; path: string; label: MessageKey; roles: readonly Role[] }[] = [
  { id: 'dashboard', path: '/', label: 'nav.dashboard', roles: REPORTERS },
  { id: 'buyers', path: '/buyers', label: 'nav.buyers', roles: ['admin', 'credit_manager', 'collector', 'sales'] },
  { id: 'worklist', path: '/worklist', label: 'nav.worklist', roles: ['credit_manager', 'collector'] },
];

export type PageId = 'dashboard' | 'buyers' | 'worklist';

export const pagesFor = (role: Role) => PAGES.filter((p) => p.roles.includes(role));

/** May this role read the portfolio reports (aging, KPIs)? */
export const readsReports = (role: Role) => REPORTERS.includes(role);
