/** The policies that can be changed through the product (the shipped files are the default). */
export const POLICY_KINDS = ['grading', 'limit', 'check', 'dunning', 'cash', 'alerts'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** One stored version of a policy: its JSON as validated when it was set, who set it, when and why. */
export interface PolicyVersion {
  readonly kind: PolicyKind;
  /** 1, 2, … per kind. */
  readonly version: number;
  readonly body: unknown;
  readonly reason: string;
  readonly by: string;
  /** The writer's clock when it was stored. */
  readonly recordedAt: Date;
}

export interface PolicyReads {
  /** Stored versions, of one kind or all, by kind and version (oldest first). */
  policyVersions(kind?: PolicyKind): Promise<PolicyVersion[]>;
}

export interface PolicyWrites {
  /** Stores the next version of the kind (`recordedAt`: the transaction's instant). Lock `policy:<kind>` first. */
  appendPolicyVersion(v: Pick<PolicyVersion, 'kind' | 'body' | 'reason' | 'by'>): Promise<PolicyVersion>;
}
