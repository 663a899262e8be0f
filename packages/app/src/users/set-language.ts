import { fail, ok, type Result } from '@credence/core';
import type { Store } from '../ports';
import { isUserLanguage, type UserLanguage } from './principal';

/**
 * Remembers the language a user chose for the workspace, so that it follows the user to another browser. A
 * language outside en, zh-CN and zh-TW, or a revoked or unknown user, is refused.
 */
export async function setUserLanguage(
  store: Store,
  name: string,
  language: string,
): Promise<Result<{ readonly user: string; readonly language: UserLanguage }>> {
  if (!isUserLanguage(language)) return fail('invalid_field', { field: 'language', value: language });
  return store.transact(async (tx) => {
    const user = await tx.findUser(name);
    if (user === undefined || user.revokedAt !== undefined) return fail('not_found', { what: 'user', id: name });
    if ((await tx.userLanguage(name)) !== language) await tx.setUserLanguage(name, language);
    return ok({ user: name, language });
  });
}
