import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Trade credit insurance (issue 15): the policies (each version of the JSON terms, who stored it and why) and
 * the dated events under a policy per buyer — insured-limit decisions, discretionary limits, adverse
 * information, the overdue notification, the claim's documents, indemnity and recoveries. Both append-only
 * (migration 018's trigger); amounts in minor units of the policy's currency.
 */
export const m045: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table insurance_policies (
      policy_number text collate "C" not null,
      version int not null,
      body jsonb not null,
      reason text not null,
      by text not null,
      recorded_at timestamptz not null,
      primary key (policy_number, version)
    )`.execute(db);
    await sql`create table insurance_events (
      id bigint generated always as identity primary key,
      policy_number text collate "C" not null,
      buyer_id text collate "C" not null references buyers(id),
      kind text not null check (kind in ('limit_requested', 'limit_approved', 'limit_reduced', 'limit_withdrawn',
        'discretionary', 'adverse_info', 'adverse_reported', 'notification', 'insolvency', 'claim_document',
        'claim_file_complete', 'indemnity_paid', 'recovery')),
      on_date date not null,
      amount int8,
      expiry date,
      reference text,
      reason text not null,
      by text not null,
      recorded_at timestamptz not null
    )`.execute(db);
    await sql`create index insurance_events_buyer on insurance_events (policy_number, buyer_id, id)`.execute(db);
    for (const t of ['insurance_policies', 'insurance_events'])
      await sql`create trigger ${sql.raw(`${t}_append_only`)} before update or delete on ${sql.raw(t)}
        for each row execute function credence_append_only()`.execute(db);
  },
};
