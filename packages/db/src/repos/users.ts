import {
  type ApiToken,
  isRole,
  isUserLanguage,
  type Principal,
  type Role,
  type User,
  type UserLanguage,
} from '@credence/app';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';

interface UserRow {
  name: string;
  role: string;
  created_at: Date | string;
  revoked_at: Date | string | null;
}

const asRole = (s: string): Role => {
  if (!isRole(s)) throw new Error(`unknown role ${s} in users`);
  return s;
};
const instant = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

const toUser = (r: UserRow): User => ({
  name: r.name,
  role: asRole(r.role),
  createdAt: instant(r.created_at),
  ...(r.revoked_at !== null ? { revokedAt: instant(r.revoked_at) } : {}),
});

export async function principalOfToken(db: Kysely<Database>, hash: string): Promise<Principal | undefined> {
  const { rows } = await sql<{ id: string; user_name: string; role: string }>`
    select t.id, t.user_name, u.role from api_tokens t join users u on u.name = t.user_name
    where t.hash = ${hash} and t.revoked_at is null and u.revoked_at is null`.execute(db);
  const r = rows[0];
  return r === undefined ? undefined : { user: r.user_name, role: asRole(r.role), tokenId: r.id };
}

export async function findUser(db: Kysely<Database>, name: string): Promise<User | undefined> {
  const { rows } = await sql<UserRow>`
    select name, role, created_at, revoked_at from users where name = ${name}`.execute(db);
  return rows[0] === undefined ? undefined : toUser(rows[0]);
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  const { rows } = await sql<UserRow>`select name, role, created_at, revoked_at from users order by name`.execute(db);
  return rows.map(toUser);
}

/** False when the name is taken (also by a concurrent transaction: the primary key decides). */
export async function insertUser(db: Kysely<Database>, u: Pick<User, 'name' | 'role'>, at: Date): Promise<boolean> {
  const r = await sql`insert into users (name, role, created_at) values (${u.name}, ${u.role}, ${at})
                      on conflict (name) do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0n) === 1;
}

export async function insertToken(db: Kysely<Database>, t: ApiToken, at: Date): Promise<void> {
  await sql`insert into api_tokens (id, user_name, hash, created_at)
            values (${t.id}, ${t.user}, ${t.hash}, ${at})`.execute(db);
}

export async function userLanguage(db: Kysely<Database>, name: string): Promise<UserLanguage | undefined> {
  const { rows } = await sql<{ language: string }>`
    select language from user_preferences where user_name = ${name}`.execute(db);
  const l = rows[0]?.language;
  return l !== undefined && isUserLanguage(l) ? l : undefined;
}

/** Sets (or changes) the user's language: one row per user. */
export async function setUserLanguage(
  db: Kysely<Database>,
  name: string,
  language: UserLanguage,
  at: Date,
): Promise<void> {
  await sql`insert into user_preferences (user_name, language, updated_at) values (${name}, ${language}, ${at})
            on conflict (user_name) do update set language = excluded.language, updated_at = excluded.updated_at`.execute(
    db,
  );
}

export async function revokeUser(db: Kysely<Database>, name: string, at: Date): Promise<{ tokens: number }> {
  await sql`update users set revoked_at = ${at} where name = ${name} and revoked_at is null`.execute(db);
  const r = await sql`update api_tokens set revoked_at = ${at}
                      where user_name = ${name} and revoked_at is null`.execute(db);
  return { tokens: Number(r.numAffectedRows ?? 0n) };
}
