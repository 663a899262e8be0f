import type { MessageKey } from '../i18n/en';
import type { Role } from '../session/session';

/**
 * The buyer page's actions and who may take them: the x-roles of the API route each one calls
 * (packages/server/src/routes/access.ts), as pages.ts does for pages. What a role may not do is not offered.
 */
/** Collection work (notes, disputes, promises, plans, pauses, letters): COLLECTION in access.ts. */
const COLLECTION: readonly Role[] = ['credit_manager', 'collector'];
/** Decisions on risk (a limit request): CREDIT in access.ts. */
const CREDIT: readonly Role[] = ['credit_manager'];

export type ActionId = 'note' | 'promise' | 'plan' | 'dispute' | 'resolve' | 'pause' | 'resume' | 'limit' | 'letter';

export const ACTIONS: readonly { id: ActionId; label: MessageKey; roles: readonly Role[] }[] = [
  { id: 'note', label: 'action.note', roles: COLLECTION }, // POST /buyers/{id}/notes
  { id: 'promise', label: 'action.promise', roles: COLLECTION }, // POST /buyers/{id}/promises
  { id: 'plan', label: 'action.plan', roles: COLLECTION }, // POST /buyers/{id}/plans
  { id: 'dispute', label: 'action.dispute', roles: COLLECTION }, // POST /disputes
  { id: 'resolve', label: 'action.resolve', roles: COLLECTION }, // POST /disputes/{disputeId}/resolve
  { id: 'pause', label: 'action.pause', roles: COLLECTION }, // POST /buyers/{id}/pause
  { id: 'resume', label: 'action.resume', roles: COLLECTION }, // POST /buyers/{id}/resume
  { id: 'limit', label: 'action.limit', roles: CREDIT }, // POST /buyers/{id}/limit-requests
  { id: 'letter', label: 'action.letter', roles: COLLECTION }, // GET and POST /buyers/{id}/letter
];

export const actionsFor = (role: Role) => ACTIONS.filter((a) => a.roles.includes(role));
