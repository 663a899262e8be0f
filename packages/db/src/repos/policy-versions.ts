import type { PolicyKind, PolicyVersion } from '@credence/app';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';

interface Row {
  kind: PolicyKind;
  version: number;
  body: unknown;
  reason: string;
  by: string;
  recorded_at: Date | string;
}

const toVersion = (r: Row): PolicyVersion => ({
  kind: r.kind,
  version: Number(r.version),
  body: typeof r.body === 'string' ? JSON.parse(r.body) : r.body,
  reason: r.reason,
  by: r.by,
  recordedAt: new Date(r.recorded_at),
});

export async function policyVersions(db: Kysely<Database>, kind?: PolicyKind): Promise<PolicyVersion[]> {
  const { rows } = await sql<Row>`
    select kind, version, body, reason, by, recorded_at from policy_versions
    where ${kind ?? null}::text is null or kind = ${kind ?? null}
    order by kind, version`.execute(db);
  return rows.map(toVersion);
}

/** The next version of the kind (the caller holds the kind's lock; the unique index is the database's guarantee). */
export async function appendPolicyVersion(
  db: Kysely<Database>,
  v: Pick<PolicyVersion, 'kind' | 'body' | 'reason' | 'by'>,
  at: Date,
): Promise<PolicyVersion> {
  const { rows } = await sql<Row>`
    insert into policy_versions (kind, version, body, reason, by, recorded_at)
    select ${v.kind}, coalesce(max(version), 0) + 1, ${JSON.stringify(v.body)}::jsonb, ${v.reason}, ${v.by}, ${at}
    from policy_versions where kind = ${v.kind}
    returning kind, version, body, reason, by, recorded_at`.execute(db);
  const row = rows[0];
  if (row === undefined) throw new Error('insert returned nothing');
  return toVersion(row);
}
