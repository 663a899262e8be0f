import { lineColumn } from '@credence/app';
import { type BusinessDate, type FinancialStatement, STATEMENT_LINES, type StatementLine } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate, toBig } from '../convert';
import type { Database, StatementsTable } from '../schema';

const COLUMNS = STATEMENT_LINES.map(lineColumn) as (keyof StatementsTable)[];

const toStatement = (r: StatementsTable): FinancialStatement => {
  const lines: Partial<Record<StatementLine, bigint>> = {};
  STATEMENT_LINES.forEach((line, i) => {
    const v = r[COLUMNS[i] as keyof StatementsTable];
    if (v !== null && v !== undefined) lines[line] = toBig(v);
  });
  return {
    buyerId: r.buyer_id,
    fiscalYear: Number(r.fiscal_year),
    periodEnd: asDate(r.period_end),
    currency: asCurrency(r.currency),
    lines,
  };
};

const toRow = (s: FinancialStatement): StatementsTable => {
  const row: Record<string, unknown> = {
    buyer_id: s.buyerId,
    fiscal_year: s.fiscalYear,
    period_end: s.periodEnd,
    currency: s.currency,
  };
  STATEMENT_LINES.forEach((line, i) => {
    row[COLUMNS[i] as string] = s.lines[line] ?? null;
  });
  return row as unknown as StatementsTable;
};

/** Inserts statements; one already stored for the buyer and year is replaced (a restatement). */
export async function upsertStatements(db: Kysely<Database>, rows: readonly FinancialStatement[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000).map(toRow);
    await db
      .insertInto('financial_statements')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['buyer_id', 'fiscal_year']).doUpdateSet((eb) => {
          const set: Record<string, unknown> = {
            period_end: eb.ref('excluded.period_end'),
            currency: eb.ref('excluded.currency'),
          };
          for (const c of COLUMNS) set[c] = eb.ref(`excluded.${c}`);
          return set as never;
        }),
      )
      .execute();
  }
}

export async function findStatements(
  db: Kysely<Database>,
  keys: readonly { buyerId: string; fiscalYear: number }[],
): Promise<FinancialStatement[]> {
  const out: FinancialStatement[] = [];
  for (let i = 0; i < keys.length; i += 5000) {
    const part = keys.slice(i, i + 5000);
    const { rows } = await sql<StatementsTable>`
      select s.* from financial_statements s
      join unnest(${part.map((k) => k.buyerId)}::text[], ${part.map((k) => k.fiscalYear)}::int[]) as k(b, y)
        on s.buyer_id = k.b and s.fiscal_year = k.y`.execute(db);
    out.push(...rows.map(toStatement));
  }
  return out;
}

export async function statementsOf(db: Kysely<Database>, buyerId: string): Promise<FinancialStatement[]> {
  const rows = await db
    .selectFrom('financial_statements')
    .selectAll()
    .where('buyer_id', '=', buyerId)
    .orderBy('fiscal_year')
    .execute();
  return rows.map(toStatement);
}

/** Every buyer's statements whose period ended on or before the date, by buyer and fiscal year (one query). */
export async function statementsUpTo(db: Kysely<Database>, asOf: BusinessDate): Promise<FinancialStatement[]> {
  const rows = await db
    .selectFrom('financial_statements')
    .selectAll()
    .where('period_end', '<=', asOf as never)
    .orderBy('buyer_id')
    .orderBy('fiscal_year')
    .execute();
  return rows.map(toStatement);
}
