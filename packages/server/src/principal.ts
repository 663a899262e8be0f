// Roles and principals. Until the users contract (branch h/s-users) is merged these mirror what it exports
// from @credence/app; after the merge this file re-exports them.
export const ROLES = ['admin', 'credit_manager', 'collector', 'sales', 'erp'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  readonly user: string;
  readonly role: Role;
  readonly tokenId: string;
}
