import type { InsuranceEvent, InsuranceEventDraft, InsuranceEventKind, StoredInsurancePolicy } from '@credence/app';
import type { BusinessDate } from '@credence/core';
import type { InsuranceInvoice } from '@credence/core/insurance';
import { type Kysely, sql } from 'kysely';
import { asDate, opt, toBig } from '../convert';
import type { Database } from '../schema';

interface PolicyRow {
  policy_number: string;
  version: number;
  body: unknown;
  reason: string;
  by: string;
  recorded_at: Date | string;
}

interface EventRow {
  id: unknown;
  policy_number: string;
  buyer_id: string;
  kind: string;
  on_date: string;
  amount: unknown;
  expiry: string | null;
  reference: string | null;
  reason: string;
  by: string;
  recorded_at: Date | string;
}

const toPolicy = (r: PolicyRow): StoredInsurancePolicy => ({
  policyNumber: r.policy_number,
  version: Number(r.version),
  body: typeof r.body === 'string' ? JSON.parse(r.body) : r.body,
  reason: r.reason,
  by: r.by,
  recordedAt: new Date(r.recorded_at),
});

const toEvent = (r: EventRow): InsuranceEvent => ({
  id: Number(r.id),
  policyNumber: r.policy_number,
  buyerId: r.buyer_id,
  kind: r.kind as InsuranceEventKind,
  date: asDate(String(r.on_date)),
  ...(r.amount === null ? {} : { amount: toBig(r.amount) }),
  ...opt('expiry', r.expiry === null ? null : asDate(String(r.expiry))),
  ...opt('reference', r.reference),
  reason: r.reason,
  by: r.by,
  recordedAt: new Date(r.recorded_at),
});

export async function insurancePolicies(db: Kysely<Database>): Promise<StoredInsurancePolicy[]> {
  const { rows } = await sql<PolicyRow>`
    select policy_number, version, body, reason, by, recorded_at from insurance_policies
    order by policy_number, version`.execute(db);
  return rows.map(toPolicy);
}

export async function appendInsurancePolicy(
  db: Kysely<Database>,
  p: Pick<StoredInsurancePolicy, 'policyNumber' | 'body' | 'reason' | 'by'>,
  at: Date,
): Promise<StoredInsurancePolicy> {
  const { rows } = await sql<PolicyRow>`
    insert into insurance_policies (policy_number, version, body, reason, by, recorded_at)
    select ${p.policyNumber}, coalesce(max(version), 0) + 1, ${JSON.stringify(p.body)}::jsonb, ${p.reason}, ${p.by}, ${at}
    from insurance_policies where policy_number = ${p.policyNumber}
    returning policy_number, version, body, reason, by, recorded_at`.execute(db);
  const row = rows[0];
  if (row === undefined) throw new Error('insert returned nothing');
  return toPolicy(row);
}

const COLUMNS = sql`id, policy_number, buyer_id, kind, on_date::text as on_date, amount, expiry::text as expiry, reference, reason, by, recorded_at`;

export async function insuranceEvents(
  db: Kysely<Database>,
  q: { readonly policyNumber?: string; readonly buyerId?: string } = {},
): Promise<InsuranceEvent[]> {
  const { rows } = await sql<EventRow>`
    select ${COLUMNS} from insurance_events
    where (${q.policyNumber ?? null}::text is null or policy_number = ${q.policyNumber ?? null})
      and (${q.buyerId ?? null}::text is null or buyer_id = ${q.buyerId ?? null})
    order by id`.execute(db);
  return rows.map(toEvent);
}

export async function appendInsuranceEvent(
  db: Kysely<Database>,
  e: InsuranceEventDraft,
  at: Date,
): Promise<InsuranceEvent> {
  const { rows } = await sql<EventRow>`
    insert into insurance_events (policy_number, buyer_id, kind, on_date, amount, expiry, reference, reason, by, recorded_at)
    values (${e.policyNumber}, ${e.buyerId}, ${e.kind}, ${e.date}::date, ${e.amount ?? null}, ${e.expiry ?? null}::date,
            ${e.reference ?? null}, ${e.reason}, ${e.by}, ${at})
    returning ${COLUMNS}`.execute(db);
  const row = rows[0];
  if (row === undefined) throw new Error('insert returned nothing');
  return toEvent(row);
}

/** See `InsuranceReads.insuranceLedger`. */
export async function insuranceLedger(
  db: Kysely<Database>,
  buyerId: string,
  asOf: BusinessDate,
): Promise<InsuranceInvoice[]> {
  const { rows } = await sql<{
    number: string;
    currency: string;
    invoice_date: string;
    due_date: string;
    amount: unknown;
    vat: unknown;
  }>`
    select number, currency, coalesce(delivery_date, issue_date)::text as invoice_date, due_date::text as due_date, amount,
      vat
    from documents where buyer_id = ${buyerId} and type = 'invoice' and issue_date <= ${asOf}::date
    order by number`.execute(db);
  const { rows: red } = await sql<{ document_number: string; date: string; amount: unknown }>`
    select a.document_number, a.date::text as date, -sum(a.delta) as amount from allocations a
    join documents d on d.number = a.document_number
    where d.buyer_id = ${buyerId} and d.type = 'invoice' and a.date <= ${asOf}::date
    group by a.document_number, a.date having sum(a.delta) <> 0 order by a.document_number, a.date`.execute(db);
  const by = new Map<string, { date: BusinessDate; amount: bigint }[]>();
  for (const r of red) {
    const list = by.get(r.document_number) ?? [];
    list.push({ date: asDate(r.date), amount: toBig(r.amount) });
    by.set(r.document_number, list);
  }
  return rows.map((r) => ({
    id: r.number,
    currency: r.currency,
    invoiceDate: asDate(r.invoice_date),
    dueDate: asDate(r.due_date),
    gross: toBig(r.amount),
    // The VAT included in the amount, when the import had it (migration 070): a policy may insure net of it.
    vat: r.vat === null || r.vat === undefined ? 0n : toBig(r.vat),
    settlements: by.get(r.number) ?? [],
  }));
}
