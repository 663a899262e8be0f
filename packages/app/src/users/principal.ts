/** The roles a user can have (issue 12): what each may do is decided per route by the server. */
export const ROLES = ['admin', 'credit_manager', 'collector', 'sales', 'erp'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

/** The languages of the workspace a user can choose (those letters and reasons are written in). */
export const USER_LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;
export type UserLanguage = (typeof USER_LANGUAGES)[number];
export const isUserLanguage = (s: string): s is UserLanguage => (USER_LANGUAGES as readonly string[]).includes(s);

/** Who a bearer token speaks for: the user, the user's role and the token's id (not the token). */
export interface Principal {
  readonly user: string;
  readonly role: Role;
  readonly tokenId: string;
}

/**
 * Who writes, from where: the CLI operator (`--by`, `CREDENCE_USER`, else the OS user) or an API principal.
 * A store opened for an actor (`Store.withActor`) records it on ledger rows and in the audit trail.
 */
export interface Actor {
  readonly by: string;
  readonly channel: 'cli' | 'api';
  readonly tokenId?: string;
  /**
   * The file being imported (an upload's name), if any: recorded on the ledger rows as their `source`, and
   * the transaction's audit trail is then one `import` row with the counts (docs/domain/users-and-audit.md).
   */
  readonly source?: string;
}

/** The actor of an API request made with a token. */
export const actorOf = (p: Principal): Actor => ({ by: p.user, channel: 'api', tokenId: p.tokenId });

/** A user as stored. Revoked users keep their row (the audit trail names them). */
export interface User {
  readonly name: string;
  readonly role: Role;
  readonly createdAt: Date;
  readonly revokedAt?: Date;
}

/** An API token as stored: only the SHA-256 hash of the token, never the token. */
export interface ApiToken {
  readonly id: string;
  readonly user: string;
  readonly hash: string;
}
