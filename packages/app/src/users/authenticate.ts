import type { Store } from '../ports';
import type { Principal } from './principal';
import { hashToken, looksLikeToken } from './tokens';

/** The principal of a bearer token, or undefined (unknown or revoked). */
export async function authenticate(store: Store, token: string): Promise<Principal | undefined> {
  if (!looksLikeToken(token)) return undefined;
  return store.principalOfToken(hashToken(token));
}
