import type { LedgerReads } from '../ports';
import type { User } from './principal';

/** Every user, revoked ones included (with `revokedAt`), by name. */
export const listUsers = (store: LedgerReads): Promise<User[]> => store.listUsers();
