import type { Buyer } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, chunks, opt } from '../convert';
import type { BuyersTable, Database } from '../schema';

const toRow = (b: Buyer): BuyersTable => ({
  id: b.id,
  name: b.name,
  legal_id: b.legalId ?? null,
  country: b.country,
  industry: b.industry ?? null,
  currency: b.currency,
  payment_terms_days: b.paymentTermsDays,
  group_id: b.groupId ?? null,
  language: b.language ?? null,
  email: b.email ?? null,
  sales_owner: b.salesOwner ?? null,
  collector: b.collector ?? null,
  address: b.address ?? null,
  interest_regime: b.interestRegime ?? null,
  interest_rate: b.interestRate ?? null,
  phone: b.phone ?? null,
  affiliate: b.affiliate ?? null,
  public_buyer: b.publicBuyer ?? null,
});

export const toBuyer = (r: BuyersTable): Buyer => ({
  id: r.id,
  name: r.name,
  ...opt('legalId', r.legal_id),
  country: r.country,
  ...opt('industry', r.industry),
  currency: asCurrency(r.currency),
  paymentTermsDays: r.payment_terms_days,
  ...opt('groupId', r.group_id),
  ...opt('language', r.language),
  ...opt('email', r.email),
  ...opt('salesOwner', r.sales_owner),
  ...opt('collector', r.collector),
  ...opt('address', r.address),
  ...opt('interestRegime', r.interest_regime),
  ...opt('interestRate', r.interest_rate),
  ...opt('phone', r.phone),
  ...opt('affiliate', r.affiliate),
  ...opt('publicBuyer', r.public_buyer),
});

/** Buyers are master data, not ledger entries: the latest import wins. */
export async function upsertBuyers(db: Kysely<Database>, rows: readonly Buyer[]): Promise<void> {
  for (const part of chunks(rows, 2_000)) {
    await db
      .insertInto('buyers')
      .values(part.map(toRow))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          name: sql`excluded.name`,
          legal_id: sql`excluded.legal_id`,
          country: sql`excluded.country`,
          industry: sql`excluded.industry`,
          currency: sql`excluded.currency`,
          payment_terms_days: sql`excluded.payment_terms_days`,
          group_id: sql`excluded.group_id`,
          language: sql`excluded.language`,
          email: sql`excluded.email`,
          phone: sql`excluded.phone`,
          affiliate: sql`excluded.affiliate`,
          public_buyer: sql`excluded.public_buyer`,
          sales_owner: sql`excluded.sales_owner`,
          collector: sql`excluded.collector`,
          address: sql`excluded.address`,
          interest_regime: sql`excluded.interest_regime`,
          interest_rate: sql`excluded.interest_rate`,
        }),
      )
      .execute();
  }
}

export async function getBuyer(db: Kysely<Database>, id: string): Promise<Buyer | undefined> {
  const row = await db.selectFrom('buyers').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toBuyer(row) : undefined;
}

export async function listBuyers(db: Kysely<Database>): Promise<Buyer[]> {
  const rows = await db.selectFrom('buyers').selectAll().orderBy('id').execute();
  return rows.map(toBuyer);
}

export async function findBuyers(db: Kysely<Database>, ids: readonly string[]): Promise<Buyer[]> {
  const out: Buyer[] = [];
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom('buyers')
      .selectAll()
      .where(sql<boolean>`id = any(${part}::text[])`)
      .orderBy('id')
      .execute();
    out.push(...rows.map(toBuyer));
  }
  return out;
}
