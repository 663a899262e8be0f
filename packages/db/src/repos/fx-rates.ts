import type { FxRate } from '@credence/core';
import { decimalToString, parseDecimal } from '@credence/core';
import type { Kysely } from 'kysely';
import { asCurrency, asDate, chunks } from '../convert';
import type { Database } from '../schema';

/** A rate already stored for (date, from, to) is kept: the use case reports a differing one as a conflict. */
export async function insertFxRates(db: Kysely<Database>, rows: readonly FxRate[]): Promise<void> {
  for (const part of chunks(rows, 5_000)) {
    await db
      .insertInto('fx_rates')
      .values(
        part.map((r) => ({
          date: r.date,
          from_currency: r.from,
          to_currency: r.to,
          rate: decimalToString(r.rate),
        })),
      )
      .onConflict((oc) => oc.columns(['date', 'from_currency', 'to_currency']).doNothing())
      .execute();
  }
}

export async function fxRates(db: Kysely<Database>): Promise<FxRate[]> {
  const rows = await db
    .selectFrom('fx_rates')
    .selectAll()
    .orderBy('date')
    .orderBy('from_currency')
    .orderBy('to_currency')
    .execute();
  return rows.map(toFxRate);
}

export function toFxRate(r: { date: string; from_currency: string; to_currency: string; rate: string }): FxRate {
  const rate = parseDecimal(r.rate);
  if (!rate.ok) throw new Error(`stored fx rate is not a decimal: ${r.rate}`);
  return { date: asDate(r.date), from: asCurrency(r.from_currency), to: asCurrency(r.to_currency), rate: rate.value };
}
