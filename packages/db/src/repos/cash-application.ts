import type {
  CashLine,
  CashLineFilter,
  CashLineMatch,
  CashLineState,
  LearnedIban,
  StoredBankLine,
} from '@credence/app';
import { type Kysely, sql } from 'kysely';
import { asDate, opt } from '../convert';
import { csvParts } from '../engine/csv';
import type { Conn } from '../engine/types';
import type { BankIbansTable, BankLineMatchesTable, BankStatementLinesTable, Database } from '../schema';
import { toLine } from './bank-statements';

/** JSON with bigints kept exact: `{"$big": "123"}`. */
const encode = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? { $big: x.toString() } : x));
const decode = <T>(s: string): T =>
  JSON.parse(s, (_k, x) =>
    x !== null && typeof x === 'object' && typeof x.$big === 'string' && Object.keys(x).length === 1
      ? BigInt(x.$big)
      : x,
  ) as T;

const toMatch = (r: BankLineMatchesTable): CashLineMatch => ({
  statement: r.statement,
  line: Number(r.line),
  state: r.state as CashLineState,
  ...opt('buyerId', r.buyer_id),
  ...opt('paymentId', r.payment_id),
  ...opt('score', r.score === null ? null : Number(r.score)),
  proposals: decode(r.proposals),
  reasons: decode(r.reasons),
  bookingDate: asDate(r.booking_date),
  decidedBy: r.decided_by,
  decidedAt: new Date(r.decided_at),
  ...opt('note', r.note),
});

type Joined = BankStatementLinesTable & { m: BankLineMatchesTable };

/** Credit lines waiting (`unmatched`) and reversal lines, with no match row yet, in order. */
export async function linesToMatch(db: Kysely<Database>, statement: string | undefined): Promise<StoredBankLine[]> {
  const { rows } = await sql<BankStatementLinesTable>`
    select l.* from bank_statement_lines l
    where (l.status = 'unmatched' or l.ignored_reason = 'reversal')
      and (${statement ?? null}::text is null or l.statement = ${statement ?? null})
      and not exists (select 1 from bank_line_matches m where m.statement = l.statement and m.line = l.line)
    order by l.statement, l.line`.execute(db);
  return rows.map(toLine);
}

export async function cashLines(db: Kysely<Database>, f: CashLineFilter): Promise<CashLine[]> {
  const states = f.states === undefined ? null : [...f.states];
  const { rows } = await sql<Joined>`
    select l.*, to_jsonb(m.*) as m from bank_line_matches m
    join bank_statement_lines l on l.statement = m.statement and l.line = m.line
    where (${states}::text[] is null or m.state = any(${states}::text[]))
      and (${f.statement ?? null}::text is null or m.statement = ${f.statement ?? null})
      and (${f.buyerId ?? null}::text is null or m.buyer_id = ${f.buyerId ?? null})
      and (${f.bookedBy ?? null}::date is null or m.booking_date <= ${f.bookedBy ?? null}::date)
    order by m.statement, m.line`.execute(db);
  return rows.map(joined);
}

export async function cashLine(db: Kysely<Database>, statement: string, line: number): Promise<CashLine | undefined> {
  const { rows } = await sql<Joined>`
    select l.*, to_jsonb(m.*) as m from bank_line_matches m
    join bank_statement_lines l on l.statement = m.statement and l.line = m.line
    where m.statement = ${statement} and m.line = ${line}`.execute(db);
  const [r] = rows;
  return r === undefined ? undefined : joined(r);
}

function joined(r: Joined): CashLine {
  const { m, ...l } = r;
  const raw = (typeof m === 'string' ? JSON.parse(m) : m) as BankLineMatchesTable;
  return { ...toMatch(raw), bankLine: toLine(l) };
}

export async function learnedIbans(db: Kysely<Database>): Promise<LearnedIban[]> {
  const rows = await db.selectFrom('bank_ibans').selectAll().orderBy('iban').execute();
  return rows.map((r: BankIbansTable) => ({
    iban: r.iban,
    buyerId: r.buyer_id,
    ...opt('learnedFrom', r.learned_from),
    setBy: r.set_by,
    setAt: new Date(r.set_at),
  }));
}

/** The columns a match row updates when its line is decided again (all but the key and the booking date). */
const DECIDED = [
  'state',
  'buyer_id',
  'payment_id',
  'score',
  'proposals',
  'reasons',
  'decided_by',
  'decided_at',
  'note',
];

const cashLineRow = (r: CashLineMatch, at: Date) => ({
  statement: r.statement,
  line: r.line,
  state: r.state,
  buyer_id: r.buyerId ?? null,
  payment_id: r.paymentId ?? null,
  score: r.score ?? null,
  proposals: encode(r.proposals),
  reasons: encode(r.reasons),
  booking_date: r.bookingDate,
  decided_by: r.decidedBy,
  decided_at: at,
  note: r.note ?? null,
});

/** From this many rows a write goes through COPY into a staging table (a statement's matching step). */
const STAGE_FROM = 1_000;

export async function putCashLines(conn: Conn, rows: readonly CashLineMatch[], at: Date): Promise<void> {
  if (rows.length >= STAGE_FROM) return stageCashLines(conn, rows, at);
  if (rows.length === 0) return;
  await conn.db
    .insertInto('bank_line_matches')
    .values(rows.map((r) => cashLineRow(r, at)))
    .onConflict((oc) =>
      oc
        .columns(['statement', 'line'])
        .doUpdateSet(Object.fromEntries(DECIDED.map((c) => [c, sql.ref(`excluded.${c}`)])) as never),
    )
    .execute();
}

/** Many rows: one COPY into `cash_lines_in` (dropped at commit), then one insert … on conflict from it. */
async function stageCashLines(conn: Conn, rows: readonly CashLineMatch[], at: Date): Promise<void> {
  await sql`create temp table if not exists cash_lines_in
            (like bank_line_matches including defaults) on commit drop`.execute(conn.db);
  await sql`truncate cash_lines_in`.execute(conn.db);
  const stamp = at.toISOString();
  const columns = Object.keys(cashLineRow(rows[0] as CashLineMatch, at));
  await conn.copy(
    'cash_lines_in',
    columns,
    csvParts(rows, (r) => Object.values({ ...cashLineRow(r, at), decided_at: stamp })),
  );
  const set = sql.raw(DECIDED.map((c) => `${c} = excluded.${c}`).join(', '));
  await sql`insert into bank_line_matches select * from cash_lines_in
            on conflict (statement, line) do update set ${set}`.execute(conn.db);
}

export async function putLearnedIbans(conn: Conn, rows: readonly LearnedIban[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  await conn.db
    .insertInto('bank_ibans')
    .values(
      rows.map((r) => ({
        iban: r.iban,
        buyer_id: r.buyerId,
        learned_from: r.learnedFrom ?? null,
        set_by: r.setBy,
        set_at: at,
      })),
    )
    .onConflict((oc) =>
      oc.column('iban').doUpdateSet((eb) => ({
        buyer_id: eb.ref('excluded.buyer_id'),
        learned_from: eb.ref('excluded.learned_from'),
        set_by: eb.ref('excluded.set_by'),
        set_at: eb.ref('excluded.set_at'),
      })),
    )
    .execute();
}

export async function removeLearnedIban(conn: Conn, iban: string): Promise<void> {
  await conn.db.deleteFrom('bank_ibans').where('iban', '=', iban).execute();
}
