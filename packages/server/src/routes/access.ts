import type { Role } from '../principal';

// Who may do what (issue 12, item 4), named once so the route files read as decisions.
/** Reading buyers, their exposure, grades and limits: every person's role (not the ERP machine). */
export const READERS: readonly Role[] = ['admin', 'credit_manager', 'collector', 'sales'];
/** Portfolio reports (aging, KPIs): the people who manage credit and collection. */
export const REPORTERS: readonly Role[] = ['admin', 'credit_manager', 'collector'];
/** Decisions on risk (grades, limits, approvals, write-offs, policies). */
export const CREDIT: readonly Role[] = ['credit_manager'];
/** The order credit check: sales and the ERP ask, the credit manager too. */
export const CHECKERS: readonly Role[] = ['credit_manager', 'sales', 'erp'];
/** Ledger writes of single documents and payments: the ERP, and the credit manager by hand. */
export const LEDGER_WRITERS: readonly Role[] = ['credit_manager', 'erp'];
/** Collection work (interest claims, notes, disputes, promises, plans, letters). */
export const COLLECTION: readonly Role[] = ['credit_manager', 'collector'];
/** Buyers' master data from the ERP (uploads), and the credit manager by hand. */
export const MASTER_DATA: readonly Role[] = ['credit_manager', 'erp'];
/** Reference data (FX rates): settings of the admin, and the credit manager. */
export const REFERENCE_DATA: readonly Role[] = ['admin', 'credit_manager'];
/** Users and settings: the admin only. */
export const ADMIN: readonly Role[] = ['admin'];
/** Background jobs' status: those who queue them (collection work), and the admin who runs the workers. */
export const JOB_READERS: readonly Role[] = ['admin', 'credit_manager', 'collector'];
/** Who the caller is (the web workspace's sign-in): every role, the ERP's included. */
export const EVERYONE: readonly Role[] = ['admin', 'credit_manager', 'collector', 'sales', 'erp'];
/** The credit desk's lists (limit requests waiting, the credit check's holds and referrals): the credit manager, and the admin who oversees. */
export const CREDIT_DESK: readonly Role[] = ['admin', 'credit_manager'];
