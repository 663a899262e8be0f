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
  /** The day's dunning run, its letters and their delivery: COLLECTION in access.ts. */
  { id: 'dunning', path: '/dunning', label: 'nav.dunning', roles: ['credit_manager', 'collector'] },
  // The waiting limit requests and the holds (CREDIT_DESK in access.ts: admin, credit_manager); reviews and
  // answers are the credit manager's.
  { id: 'creditDesk', path: '/credit-desk', label: 'nav.creditDesk', roles: ['admin', 'credit_manager'] },
  { id: 'import', path: '/import', label: 'nav.import', roles: ['admin', 'credit_manager', 'erp'] },
  // The cash forecast (GET /forecast/cash: REPORTERS) and the expected credit loss (GET /reports/ecl: CREDIT_DESK).
  { id: 'forecast', path: '/forecast', label: 'nav.forecast', roles: REPORTERS },
  { id: 'ecl', path: '/ecl', label: 'nav.ecl', roles: ['admin', 'credit_manager'] },
];

export type PageId = 'dashboard' | 'buyers' | 'worklist' | 'dunning' | 'creditDesk' | 'import' | 'forecast' | 'ecl';

/** The files the import page uploads (POST /imports/{kind}) and who may upload each (x-roles, access.ts). */
export const IMPORT_KINDS = [
  { kind: 'invoices', roles: ['credit_manager', 'erp'] }, // LEDGER_WRITERS
  { kind: 'payments', roles: ['credit_manager', 'erp'] }, // LEDGER_WRITERS
  { kind: 'buyers', roles: ['credit_manager', 'erp'] }, // MASTER_DATA
  { kind: 'orders', roles: ['credit_manager', 'erp'] }, // MASTER_DATA
  { kind: 'fx-rates', roles: ['admin', 'credit_manager'] }, // REFERENCE_DATA
  { kind: 'statements', roles: ['credit_manager'] }, // CREDIT
] as const satisfies readonly { kind: string; roles: readonly Role[] }[];

export type ImportKind = (typeof IMPORT_KINDS)[number]['kind'];

export const importKindsFor = (role: Role): ImportKind[] =>
  IMPORT_KINDS.filter((k) => (k.roles as readonly Role[]).includes(role)).map((k) => k.kind);

export const pagesFor = (role: Role) => PAGES.filter((p) => p.roles.includes(role));

/** May this role read the portfolio reports (aging, KPIs)? */
export const readsReports = (role: Role) => REPORTERS.includes(role);
