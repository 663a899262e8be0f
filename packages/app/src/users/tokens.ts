import { createHash, randomBytes } from 'node:crypto';

/** Every API token starts with this (so a leaked one is recognisable, e.g. by secret scanners). */
export const TOKEN_PREFIX = 'cr_';

/** A token's shape: the prefix and 32 random bytes in base64url (43 characters). */
const TOKEN_SHAPE = /^cr_[A-Za-z0-9_-]{43}$/;

/** A new API token: 256 random bits, so a fast hash (SHA-256) is enough to store it. */
export function newToken(random: (n: number) => Buffer = randomBytes): { readonly id: string; readonly token: string } {
  return { id: `tok_${random(9).toString('base64url')}`, token: `${TOKEN_PREFIX}${random(32).toString('base64url')}` };
}

export const looksLikeToken = (s: string): boolean => TOKEN_SHAPE.test(s);

/** What the store keeps of a token: its SHA-256, hex. */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
