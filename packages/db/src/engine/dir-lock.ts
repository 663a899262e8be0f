import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Failure } from '@credence/core';

/**
 * An exclusive lock on an embedded database directory, held from open to close: PGlite is one process's
 * database, and two processes writing the same directory lose rows (or worse). The lock is the file
 * `DIR.lock` beside the directory (PGlite owns the directory itself), holding who took it:
 *
 * - taken with an atomic `link` of a fully written temporary file, so no one ever reads a half-written lock;
 * - a lock whose process is gone (same host, pid not alive) is stale and taken over: exactly one process wins
 *   the O_EXCL file `DIR.lock.takeover-<pid>-<since>` named after the stale holder, re-reads the lock and,
 *   if it still names that holder, renames its own lock over it; a loser finds the new holder alive;
 * - a lock taken on another host is never taken over (its pid means nothing here);
 * - released on close, on process exit and on SIGINT/SIGTERM (best effort).
 */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  /** ISO instant the lock was taken. */
  readonly since: string;
  /** Random, to tell two holders with a recycled pid apart. */
  readonly token: string;
}

/** The directory is locked by another process: `failure` is the `store_locked` code with the holder. */
export class StoreLockedError extends Error {
  readonly failure: Failure;
  constructor(
    readonly dir: string,
    readonly holder: LockHolder | undefined,
    readonly lockFile: string,
  ) {
    const params: Record<string, string | number> = { dir, lockFile };
    if (holder)
      Object.assign(params, { pid: holder.pid, host: holder.host, command: holder.command, since: holder.since });
    const who = holder
      ? `process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`} (command ${holder.command}, since ${holder.since})`
      : `another process (unreadable lock file ${lockFile})`;
    super(`the database ${dir} is in use by ${who}: wait for it or use --wait SECONDS`);
    this.name = 'StoreLockedError';
    this.failure = { code: 'store_locked', params };
  }
}

export interface DirLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

export interface LockOptions {
  /** Milliseconds to wait for the holder to close (0: fail at once). */
  readonly waitMs?: number;
  /** How often to look again while waiting. */
  readonly pollMs?: number;
}

const isCode = (e: unknown, code: string): boolean => (e as NodeJS.ErrnoException | null)?.code === code;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return isCode(e, 'EPERM');
  }
}

function readHolder(file: string): LockHolder | undefined | 'missing' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (isCode(e, 'ENOENT')) return 'missing';
    throw e;
  }
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (Number.isSafeInteger(h.pid) && (h.pid ?? 0) > 0 && typeof h.host === 'string' && typeof h.since === 'string') {
      return {
        pid: h.pid as number,
        host: h.host,
        since: h.since,
        command: typeof h.command === 'string' ? h.command : '?',
        token: typeof h.token === 'string' ? h.token : '',
      };
    }
  } catch {}
  return undefined;
}

const sameHolder = (a: LockHolder, b: LockHolder): boolean =>
  a.pid === b.pid && a.host === b.host && a.since === b.since && a.token === b.token;

/** Writes the holder to a private temporary file beside the lock (the same file system, for link/rename). */
function writeTemp(file: string, holder: LockHolder): string {
  const tmp = `${file}.${holder.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(holder)}\n`, { flag: 'wx' });
  return tmp;
}

const unlinkQuietly = (path: string): void => {
  try {
    unlinkSync(path);
  } catch {}
};

/** One attempt: our lock, or the live holder (undefined: unreadable) that keeps us out. */
function tryLock(file: string, me: LockHolder): { ok: true } | { ok: false; holder: LockHolder | undefined } {
  const tmp = writeTemp(file, me);
  try {
    for (let round = 0; round < 5; round++) {
      try {
        linkSync(tmp, file);
        return { ok: true };
      } catch (e) {
        if (!isCode(e, 'EEXIST')) throw e;
      }
      const holder = readHolder(file);
      if (holder === 'missing') continue; // released meanwhile: try again
      if (holder === undefined || holder.host !== me.host || alive(holder.pid)) return { ok: false, holder };
      // Stale. One process wins the takeover file named after this holder; the others look again.
      const claim = `${file}.takeover-${holder.pid}-${holder.since.replace(/[^0-9TZ]/g, '')}`;
      try {
        linkSync(tmp, claim);
      } catch (e) {
        if (!isCode(e, 'EEXIST')) throw e;
        return { ok: false, holder };
      }
      try {
        const now = readHolder(file);
        if (now !== 'missing' && now !== undefined && sameHolder(now, holder)) {
          renameSync(tmp, file); // atomic replace: the stale lock becomes ours
          return { ok: true };
        }
      } finally {
        unlinkQuietly(claim);
      }
    }
    const holder = readHolder(file);
    return { ok: false, holder: holder === 'missing' ? undefined : holder };
  } finally {
    unlinkQuietly(tmp);
  }
}

const held = new Set<DirLock>();
let hooked = false;

function releaseAll(): void {
  for (const lock of [...held]) lock.release();
}

function onSignal(signal: NodeJS.Signals): void {
  releaseAll();
  // Only we listened: restore the default (terminate) and re-raise, so the exit status stays the signal's.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', releaseAll);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

/** Takes the lock of `dir` (an absolute path), waiting up to `waitMs` for a live holder. */
export async function lockDir(dir: string, options: LockOptions = {}): Promise<DirLock> {
  const file = `${dir}.lock`;
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command: [basename(process.argv[1] ?? 'node'), ...process.argv.slice(2)].join(' ').slice(0, 200),
    since: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (;;) {
    const r = tryLock(file, me);
    if (r.ok) break;
    if (Date.now() >= deadline) throw new StoreLockedError(dir, r.holder, file);
    await sleep(Math.min(options.pollMs ?? 200, Math.max(1, deadline - Date.now())));
  }
  const lock: DirLock = {
    file,
    holder: me,
    release() {
      if (!held.delete(lock)) return;
      const now = readHolder(file);
      if (now !== 'missing' && now !== undefined && sameHolder(now, me)) unlinkQuietly(file);
    },
  };
  held.add(lock);
  hookExit();
  return lock;
}
