import { fail, ok, type Result } from '@credence/core';
import type { Store } from '../ports';

/**
 * Revokes a user and every token of it: from now on its tokens authenticate nobody. The row stays; the reason,
 * when given (a blank one is none), is the audit trail's why.
 */
export async function revokeUser(
  store: Store,
  name: string,
  reason?: string,
): Promise<Result<{ readonly user: string; readonly tokens: number }>> {
  return store.transact(async (tx) => {
    const user = await tx.findUser(name);
    if (user === undefined) return fail('not_found', { what: 'user', id: name });
    if (user.revokedAt !== undefined) return fail('not_allowed', { reason: 'already_revoked', id: name });
    const why = reason?.trim();
    const { tokens } = await tx.revokeUser(name, why ? why : undefined);
    return ok({ user: name, tokens });
  });
}
