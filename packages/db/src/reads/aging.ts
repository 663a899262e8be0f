import type { BucketCell, BusinessDate } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, toBig, toCount } from '../convert';
import type { Database } from '../schema';
import { openAsOf } from './open-items';

/** `case` mapping days overdue to a bucket index exactly as core `bucketIndex` does. */
export function bucketExpr(bounds: readonly number[]) {
  for (const b of bounds) if (!Number.isSafeInteger(b)) throw new RangeError(`bucket bound ${b} is not an integer`);
  const whens = bounds.map((b, i) => sql`when o.days <= ${sql.lit(b)} then ${sql.lit(i + 1)}`);
  return sql`case when o.days <= 0 then 0 ${sql.join(whens, sql` `)} else ${sql.lit(bounds.length + 1)} end`;
}

interface CellRow {
  currency: string;
  buyer_id: string | null;
  bucket: number;
  amount: unknown;
  count: unknown;
}

/** Open items as of `asOf` summed per currency (and buyer) and bucket, as core `bucketCells` does. */
export async function agingCells(
  db: Kysely<Database>,
  asOf: BusinessDate,
  bounds: readonly number[],
  byBuyer: boolean,
): Promise<BucketCell[]> {
  const buyer = byBuyer ? sql`o.buyer_id` : sql`null::text`;
  const { rows } = await sql<CellRow>`
    select o.currency, ${buyer} as buyer_id, ${bucketExpr(bounds)} as bucket,
           sum(o.open) as amount, count(*) as count
    from (select i.currency, i.buyer_id, i.open, ${asOf}::date - i.due_date as days
          from (${openAsOf(asOf)}) i where i.open <> 0) o
    group by 1, 2, 3
    order by 1, 2, 3`.execute(db);
  return rows.map((r) => ({
    currency: asCurrency(r.currency),
    ...(r.buyer_id !== null ? { buyerId: r.buyer_id } : {}),
    bucket: Number(r.bucket),
    amount: toBig(r.amount),
    count: toCount(r.count),
  }));
}
