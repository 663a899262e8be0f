import {
  type Delivery,
  type LastLetterRow,
  type Letter,
  LetterConflict,
  type OutboxEntry,
  type RecordedLetter,
} from '@credence/app';
import type { BusinessDate } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asDate, chunks } from '../convert';
import type { Database } from '../schema';

/** 23505, a unique violation: the letter id, or a document in a letter of that date, is already recorded. */
const conflict = (e: unknown): never => {
  throw (e as { code?: string }).code === '23505' ? new LetterConflict() : e;
};

/** Letters with their items and outbox entries, in multi-row inserts. */
export async function insertLetters(db: Kysely<Database>, letters: readonly RecordedLetter[]): Promise<void> {
  for (const part of chunks(letters, 500)) {
    if (part.length === 0) continue;
    await sql`insert into dunning_letters (id, buyer_id, as_of, level_id, channel, language, deadline, policy_id, letter)
              values ${sql.join(
                part.map(
                  ({ letter: l, policyId }) =>
                    sql`(${l.id}, ${l.debtor.id}, ${l.date}::date, ${l.levelId}, ${l.channel}, ${l.language},
                         ${l.deadline}::date, ${policyId}, ${JSON.stringify(l)}::jsonb)`,
                ),
              )}`
      .execute(db)
      .catch(conflict);
    const items = part.flatMap(({ letter: l }) =>
      l.lines.map(
        (line) =>
          sql`(${l.id}, ${line.number}, ${l.date}::date, ${line.level?.id ?? l.levelId}, ${line.deadline ?? l.deadline}::date)`,
      ),
    );
    for (const rows of chunks(items, 2_000))
      await sql`insert into dunning_letter_items (letter_id, document_number, as_of, level_id, deadline)
                values ${sql.join(rows)}`
        .execute(db)
        .catch(conflict);
    const outbox = part.flatMap(({ letter: l, outbox: entries }) =>
      entries.map((o) => sql`(${o.id}, ${l.id}, ${o.kind}, ${o.recipient ?? null}, ${o.status}, ${o.attempts})`),
    );
    for (const rows of chunks(outbox, 2_000))
      if (rows.length > 0)
        await sql`insert into outbox (id, letter_id, kind, recipient, status, attempts) values ${sql.join(rows)}`.execute(
          db,
        );
  }
}

interface OutboxRow {
  id: string;
  letter_id: string;
  kind: OutboxEntry['kind'];
  recipient: string | null;
  status: OutboxEntry['status'];
  attempts: number;
}
const toOutbox = (r: OutboxRow): OutboxEntry => ({
  id: r.id,
  letterId: r.letter_id,
  kind: r.kind,
  ...(r.recipient !== null ? { recipient: r.recipient } : {}),
  status: r.status,
  attempts: Number(r.attempts),
});

async function withOutbox(
  db: Kysely<Database>,
  rows: { letter: unknown; policy_id: string; id: string }[],
): Promise<RecordedLetter[]> {
  const ids = rows.map((r) => r.id);
  const { rows: out } = await sql<OutboxRow>`
    select id, letter_id, kind, recipient, status, attempts from outbox where letter_id = any(${ids}::text[]) order by id`.execute(
    db,
  );
  // Grouped once by letter, not filtered per letter (a large day has thousands of both: issue 13).
  const byLetter = new Map<string, OutboxRow[]>();
  for (const o of out) byLetter.set(o.letter_id, [...(byLetter.get(o.letter_id) ?? []), o]);
  return rows.map((r) => ({
    letter: (typeof r.letter === 'string' ? JSON.parse(r.letter) : r.letter) as Letter,
    policyId: r.policy_id,
    outbox: (byLetter.get(r.id) ?? []).map(toOutbox),
  }));
}

export async function findLetters(db: Kysely<Database>, ids: readonly string[]): Promise<RecordedLetter[]> {
  const found: RecordedLetter[] = [];
  for (const part of chunks(ids, 1_000)) {
    const { rows } = await sql<{ id: string; letter: unknown; policy_id: string }>`
      select id, letter, policy_id from dunning_letters where id = any(${part}::text[]) order by id`.execute(db);
    found.push(...(await withOutbox(db, rows)));
  }
  return found;
}

/** The letters that listed these documents, by document (the references printed for them). */
export async function letterIdsOfDocuments(
  db: Kysely<Database>,
  numbers: readonly string[],
): Promise<{ document: string; letterId: string }[]> {
  const out: { document: string; letterId: string }[] = [];
  for (const part of chunks(numbers, 5_000)) {
    if (part.length === 0) continue;
    const { rows } = await sql<{ document_number: string; letter_id: string }>`
      select document_number, letter_id from dunning_letter_items
      where document_number = any(${[...part]}::text[]) order by letter_id, document_number`.execute(db);
    for (const r of rows) out.push({ document: r.document_number, letterId: r.letter_id });
  }
  return out;
}

export async function lettersOf(db: Kysely<Database>, buyerId: string): Promise<RecordedLetter[]> {
  const { rows } = await sql<{ id: string; letter: unknown; policy_id: string }>`
    select id, letter, policy_id from dunning_letters where buyer_id = ${buyerId} order by as_of, recorded_at, id`.execute(
    db,
  );
  return withOutbox(db, rows);
}

export async function lettersOn(db: Kysely<Database>, asOf: string): Promise<RecordedLetter[]> {
  const { rows } = await sql<{ id: string; letter: unknown; policy_id: string }>`
    select id, letter, policy_id from dunning_letters where as_of = ${asOf}::date order by buyer_id, id`.execute(db);
  return withOutbox(db, rows);
}

export async function lastLetters(db: Kysely<Database>, asOf: string): Promise<LastLetterRow[]> {
  const { rows } = await sql<{
    document_number: string;
    level_id: string;
    as_of: string;
    deadline: string;
    levels: string[] | string;
  }>`
    select document_number,
      (array_agg(level_id order by as_of desc, deadline desc))[1] as level_id,
      max(as_of)::text as as_of,
      (array_agg(deadline::text order by as_of desc, deadline desc))[1] as deadline,
      array_agg(distinct level_id) as levels
    from dunning_letter_items where as_of <= ${asOf}::date
    group by document_number order by document_number`.execute(db);
  return rows.map((r) => ({
    number: r.document_number,
    levelId: r.level_id,
    asOf: asDate(r.as_of),
    deadline: asDate(r.deadline),
    levels: textArray(r.levels),
  }));
}

/** A text[] as the driver returns it: an array (pg, PGlite) or its literal "{a,b}". */
const textArray = (v: string[] | string): string[] =>
  Array.isArray(v)
    ? v
    : v
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter((x) => x !== '');

/** The latest live run recorded as confirmed, if any. */
export async function lastConfirmedRun(db: Kysely<Database>): Promise<{ asOf: BusinessDate } | undefined> {
  const { rows } = await sql<{ as_of: string }>`
    select as_of::text as as_of from dunning_runs where confirmed order by recorded_at desc, id desc limit 1`.execute(
    db,
  );
  const r = rows[0];
  return r ? { asOf: asDate(r.as_of) } : undefined;
}

/** Invoices recorded after the latest confirmed run and due before its date: history imported since. */
export async function backdatedInvoices(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ number: string }>`
    with last as (select as_of, recorded_at from dunning_runs where confirmed order by recorded_at desc, id desc limit 1)
    select d.number from documents d, last
    where d.type = 'invoice' and d.recorded_at > last.recorded_at and d.due_date < last.as_of
    order by d.number`.execute(db);
  return rows.map((r) => r.number);
}

/** Records a live run: its date, whether it was confirmed, how many letters it recorded. */
export async function recordDunningRun(
  db: Kysely<Database>,
  run: { asOf: BusinessDate; confirmed: boolean; letters: number },
): Promise<void> {
  await sql`insert into dunning_runs (as_of, confirmed, letters) values (${run.asOf}::date, ${run.confirmed}, ${run.letters})`.execute(
    db,
  );
}

export async function latestLetterDate(db: Kysely<Database>): Promise<BusinessDate | undefined> {
  const { rows } = await sql<{ d: string | null }>`select max(as_of)::text as d from dunning_letters`.execute(db);
  const d = rows[0]?.d;
  return d ? asDate(d) : undefined;
}

export async function outboxEntries(
  db: Kysely<Database>,
  statuses: readonly OutboxEntry['status'][],
): Promise<OutboxEntry[]> {
  const { rows } = await sql<OutboxRow>`
    select id, letter_id, kind, recipient, status, attempts from outbox
    where status = any(${statuses}::text[]) order by id`.execute(db);
  return rows.map(toOutbox);
}

export async function claimOutbox(
  db: Kysely<Database>,
  id: string,
  from: readonly OutboxEntry['status'][],
  reclaimAfterSeconds: number,
): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    update outbox set status = 'sending', claimed_at = now()
    where id = ${id} and (status = any(${from}::text[])
      or (status = 'sending' and claimed_at <= now() - make_interval(secs => ${reclaimAfterSeconds})))
    returning id`.execute(db);
  return rows.length === 1;
}

export async function recordDelivery(db: Kysely<Database>, d: Delivery): Promise<void> {
  await sql`insert into deliveries (outbox_id, status, channel, detail, attempted_on)
            values (${d.outboxId}, ${d.status}, ${d.channel}, ${d.detail}, ${d.date}::date)`.execute(db);
  await sql`update outbox set status = ${d.status}, attempts = attempts + 1 where id = ${d.outboxId}`.execute(db);
}

export async function deliveriesOf(
  db: Kysely<Database>,
  buyerId: string,
): Promise<(Delivery & { letterId: string })[]> {
  const { rows } = await sql<{
    outbox_id: string;
    letter_id: string;
    status: Delivery['status'];
    channel: string;
    detail: string;
    attempted_on: string;
  }>`
    select d.outbox_id, o.letter_id, d.status, d.channel, d.detail, d.attempted_on
    from deliveries d join outbox o on o.id = d.outbox_id join dunning_letters l on l.id = o.letter_id
    where l.buyer_id = ${buyerId} order by d.id`.execute(db);
  return rows.map((r) => ({
    outboxId: r.outbox_id,
    letterId: r.letter_id,
    status: r.status,
    channel: r.channel,
    detail: r.detail,
    date: asDate(r.attempted_on),
  }));
}
