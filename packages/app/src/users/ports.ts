import type { ApiToken, Principal, User, UserLanguage } from './principal';

export interface UserReads {
  /** The principal of a live token (neither it nor its user revoked) with this SHA-256 hash. */
  principalOfToken(hash: string): Promise<Principal | undefined>;
  findUser(name: string): Promise<User | undefined>;
  /** Every user, revoked ones included, by name. */
  listUsers(): Promise<User[]>;
  /** The language the user chose for the workspace, if any. */
  userLanguage(name: string): Promise<UserLanguage | undefined>;
}

export interface UserWrites {
  /** Inserts a user (`created_at`: the transaction's instant); false if the name is taken. */
  insertUser(user: Pick<User, 'name' | 'role'>): Promise<boolean>;
  insertToken(token: ApiToken): Promise<void>;
  /**
   * Marks the user and its live tokens revoked as of the transaction's instant; returns how many tokens. The
   * reason, when given, goes to the audit trail.
   */
  revokeUser(name: string, reason?: string): Promise<{ readonly tokens: number }>;
  /** Remembers the user's language for the workspace (a row of the audit trail). */
  setUserLanguage(name: string, language: UserLanguage): Promise<void>;
}
