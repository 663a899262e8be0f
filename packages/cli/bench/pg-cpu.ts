import { readFileSync } from 'node:fs';
import { type Kysely, sql } from 'kysely';

/**
 * The CPU time PostgreSQL spends for one process's connections: they carry an application name, and their
 * backends' user + system time is read from /proc (when PostgreSQL runs on this machine).
 */
export function withAppName(databaseUrl: string, name: string): string {
  const u = new URL(databaseUrl);
  u.searchParams.set('application_name', name);
  return u.toString();
}

/**
 * CPU time (user + system, clock ticks of 10 ms) of each PostgreSQL backend with this application name, by process
 * id, from /proc: when PostgreSQL runs on this machine and its processes are readable; else undefined.
 */
export async function backendTicks(db: Kysely<never>, name: string): Promise<Map<number, number> | undefined> {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where application_name = ${name}`.execute(db);
  const ticks = new Map<number, number>();
  try {
    for (const { pid } of rows) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(pid, Number(f[11]) + Number(f[12]));
    }
  } catch {
    return undefined;
  }
  return ticks;
}

/** Seconds of CPU the backends used between two readings (a backend opened in between counts whole). */
export function backendSeconds(before: Map<number, number> | undefined, after: Map<number, number> | undefined) {
  if (before === undefined || after === undefined) return undefined;
  let t = 0;
  for (const [pid, n] of after) t += n - (before.get(pid) ?? 0);
  return t / 100;
}
