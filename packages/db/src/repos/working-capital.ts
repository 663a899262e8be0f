import type { StoredWorkingCapital } from '@credence/app';
import type { WorkingCapitalFigures, YearMonth } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency } from '../convert';
import type { Database } from '../schema';

interface Row {
  id: number;
  month: string;
  currency: string;
  cash: string | bigint;
  receivables: string | bigint | null;
  inventory: string | bigint;
  payables: string | bigint;
  other_current_assets: string | bigint;
  other_current_liabilities: string | bigint;
  sales: string | bigint;
  cost_of_sales: string | bigint;
  by: string;
  recorded_at: Date | string;
}

const COLUMNS = sql`id, month, currency, cash, receivables, inventory, payables, other_current_assets,
  other_current_liabilities, sales, cost_of_sales, by, recorded_at`;

const toStored = (r: Row): StoredWorkingCapital => ({
  id: Number(r.id),
  month: r.month as YearMonth,
  currency: asCurrency(r.currency),
  cash: BigInt(r.cash),
  ...(r.receivables === null ? {} : { receivables: BigInt(r.receivables) }),
  inventory: BigInt(r.inventory),
  payables: BigInt(r.payables),
  otherCurrentAssets: BigInt(r.other_current_assets),
  otherCurrentLiabilities: BigInt(r.other_current_liabilities),
  sales: BigInt(r.sales),
  costOfSales: BigInt(r.cost_of_sales),
  by: r.by,
  recordedAt: new Date(r.recorded_at),
});

/** The latest version of each month in [from, to]. */
export async function workingCapitalMonths(
  db: Kysely<Database>,
  from: YearMonth,
  to: YearMonth,
): Promise<StoredWorkingCapital[]> {
  const { rows } = await sql<Row>`
    select distinct on (month) ${COLUMNS} from working_capital_months
    where month between ${from} and ${to}
    order by month, id desc`.execute(db);
  return rows.map(toStored);
}

export async function appendWorkingCapital(
  db: Kysely<Database>,
  f: WorkingCapitalFigures & { readonly by: string },
  at: Date,
): Promise<StoredWorkingCapital> {
  const { rows } = await sql<Row>`
    insert into working_capital_months (month, currency, cash, receivables, inventory, payables, other_current_assets,
      other_current_liabilities, sales, cost_of_sales, by, recorded_at)
    values (${f.month}, ${f.currency}, ${f.cash}, ${f.receivables ?? null}, ${f.inventory}, ${f.payables},
      ${f.otherCurrentAssets}, ${f.otherCurrentLiabilities}, ${f.sales}, ${f.costOfSales}, ${f.by}, ${at})
    returning ${COLUMNS}`.execute(db);
  const row = rows[0];
  if (row === undefined) throw new Error('insert returned nothing');
  return toStored(row);
}
