import { checkIdentifier, fail, ok, type Result } from '@credence/core';
import type { Store } from '../ports';
import { isRole, type Role } from './principal';
import { hashToken, newToken } from './tokens';

export interface AddedUser {
  readonly user: string;
  readonly role: Role;
  /** The API token: shown this once, stored only as its hash. */
  readonly token: string;
  readonly tokenId: string;
}

/**
 * Creates a user with a role and a first API token. The name follows the identifier rule (≤ 64 printable
 * characters, no `/` or `\`); a name taken before, even by a revoked user, is refused (the trail names it).
 */
export async function addUser(
  store: Store,
  x: { readonly name: string; readonly role: string },
  random?: (n: number) => Buffer,
): Promise<Result<AddedUser>> {
  const name = checkIdentifier(x.name);
  if (!name.ok) return fail(name.error.code, { ...name.error.params, field: 'name' });
  const role = x.role;
  if (!isRole(role)) return fail('invalid_argument', { reason: 'unknown_role', role });
  const { id, token } = newToken(random);
  return store.transact(async (tx) => {
    if (!(await tx.insertUser({ name: name.value, role })))
      return fail('not_allowed', { reason: 'user_exists', id: name.value });
    await tx.insertToken({ id, user: name.value, hash: hashToken(token) });
    return ok({ user: name.value, role, token, tokenId: id });
  });
}
