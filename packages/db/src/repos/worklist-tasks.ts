import type { StoredTask, TaskCloseReason, TaskState, WorkReason, WorkTask } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asDate, chunks } from '../convert';
import type { Database } from '../schema';

interface Row {
  key: string;
  buyer_id: string;
  action: WorkTask['action'];
  subject: string;
  documents: string[];
  reason: unknown;
  no_fx_rate: boolean;
  amount: bigint;
  currency: string;
  exponent: number;
  days_overdue: number;
  opened_on: string;
  state: TaskState;
  state_on: string;
  snoozed_until: string | null;
  close_reason: TaskCloseReason | null;
  by: string | null;
  note: string | null;
}

const toTask = (r: Row): StoredTask => ({
  key: r.key,
  buyerId: r.buyer_id,
  action: r.action,
  subject: r.subject,
  documents: r.documents,
  reason: (typeof r.reason === 'string' ? JSON.parse(r.reason) : r.reason) as WorkReason,
  ...(r.no_fx_rate ? { noFxRate: true } : {}),
  amount: BigInt(r.amount),
  currency: r.currency,
  exponent: r.exponent,
  daysOverdue: r.days_overdue,
  openedOn: asDate(r.opened_on),
  state: r.state,
  stateOn: asDate(r.state_on),
  ...(r.snoozed_until === null ? {} : { snoozedUntil: asDate(r.snoozed_until) }),
  ...(r.close_reason === null ? {} : { closeReason: r.close_reason }),
  ...(r.by === null ? {} : { by: r.by }),
  ...(r.note === null ? {} : { note: r.note }),
});

export async function worklistTasks(
  db: Kysely<Database>,
  q: { readonly states: readonly TaskState[]; readonly keys?: readonly string[] },
): Promise<StoredTask[]> {
  const { rows } = await sql<Row>`
    select key, buyer_id, action, subject, documents, reason, no_fx_rate, amount, currency, exponent, days_overdue,
           opened_on, state, state_on, snoozed_until, close_reason, by, note
    from worklist_tasks
    where state = any(${[...q.states]}::text[]) or key = any(${[...(q.keys ?? [])]}::text[])
    order by opened_on, key`.execute(db);
  return rows.map(toTask);
}

/** Inserts new task keys and moves known ones to the given state and figures, in multi-row statements. */
export async function saveWorklistTasks(db: Kysely<Database>, tasks: readonly StoredTask[]): Promise<void> {
  for (const part of chunks(tasks, 500)) {
    if (part.length === 0) continue;
    const rows = part.map(
      (
        t,
      ) => sql`(${t.key}, ${t.buyerId}, ${t.action}, ${t.subject}, ${[...t.documents]}::text[], ${JSON.stringify(t.reason)}::jsonb, ${t.noFxRate === true},
                  ${t.amount}, ${t.currency}, ${t.exponent}, ${t.daysOverdue}, ${t.openedOn}::date, ${t.state},
                  ${t.stateOn}::date, ${t.snoozedUntil ?? null}::date, ${t.closeReason ?? null}, ${t.by ?? null},
                  ${t.note ?? null})`,
    );
    await sql`insert into worklist_tasks (key, buyer_id, action, subject, documents, reason, no_fx_rate, amount, currency,
                exponent, days_overdue, opened_on, state, state_on, snoozed_until, close_reason, by, note)
              values ${sql.join(rows)}
              on conflict (key) do update set
                documents = excluded.documents, reason = excluded.reason, no_fx_rate = excluded.no_fx_rate, amount = excluded.amount,
                currency = excluded.currency, exponent = excluded.exponent, days_overdue = excluded.days_overdue,
                state = excluded.state, state_on = excluded.state_on, snoozed_until = excluded.snoozed_until,
                close_reason = excluded.close_reason, by = excluded.by, note = excluded.note, updated_at = now()`.execute(
      db,
    );
  }
}
