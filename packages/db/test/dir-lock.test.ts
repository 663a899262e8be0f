import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, StoreLockedError } from '../src/index';

// Two processes on one embedded database directory: the second is refused at once (or waits), a dead
// holder's lock is taken over by exactly one process, a lock from another host is left alone.
const root = mkdtempSync(join(tmpdir(), 'credence-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const HOLD = join(import.meta.dirname, 'bin', 'hold-store.ts');
let n = 0;
const freshDir = () => join(root, `db${++n}`);

interface Child {
  readonly proc: ChildProcess;
  out: string;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  /** Resolves when stdout contains `text`. */
  waitFor(text: string): Promise<void>;
}

function hold(mode: 'store' | 'lock', dir: string, waitMs = 0): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', HOLD, mode, dir, String(waitMs)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const child: Child = {
    proc,
    out: '',
    exited: new Promise((done) => proc.on('exit', (code) => done(code))),
    waitFor: (text) =>
      new Promise((done, reject) => {
        const look = () => {
          if (child.out.includes(text)) done();
          else if (proc.exitCode !== null) reject(new Error(`exited ${proc.exitCode} before "${text}": ${child.out}`));
          else setTimeout(look, 50);
        };
        look();
      }),
  };
  proc.stdout?.on('data', (d: Buffer) => {
    child.out += d.toString();
  });
  return child;
}

const lockOf = (dir: string) => JSON.parse(readFileSync(`${dir}.lock`, 'utf8')) as { pid: number; host: string };

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('the embedded store takes an exclusive lock on its directory', () => {
  it('a second process fails at once with store_locked, naming the holder', async () => {
    const dir = freshDir();
    const first = hold('store', dir);
    await first.waitFor('open');
    expect(lockOf(dir)).toMatchObject({ pid: first.proc.pid, host: hostname() });
    const started = Date.now();
    const second = hold('store', dir);
    expect(await second.exited).toBe(6);
    const refused = Date.now() - started;
    const failure = JSON.parse(second.out) as { code: string; params: Record<string, unknown> };
    expect(failure.code).toBe('store_locked');
    expect(failure.params).toMatchObject({ dir, pid: first.proc.pid, host: hostname() });
    expect(String(failure.params.command)).toContain('hold-store.ts');
    // In this process too, and without opening PGlite (no wait).
    await expect(openStore({ dir })).rejects.toBeInstanceOf(StoreLockedError);
    first.proc.stdin?.end('close\n');
    expect(await first.exited).toBe(0);
    expect(existsSync(`${dir}.lock`)).toBe(false);
    console.info(`second process refused after ${refused} ms (process start included)`);
  });

  it('with a wait, the second process opens once the first closes', async () => {
    const dir = freshDir();
    const first = hold('store', dir);
    await first.waitFor('open');
    const second = hold('store', dir, 120_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(second.out).toBe(''); // still waiting
    first.proc.stdin?.end('close\n');
    expect(await first.exited).toBe(0);
    await second.waitFor('open');
    expect(lockOf(dir).pid).toBe(second.proc.pid);
    second.proc.stdin?.end('close\n');
    expect(await second.exited).toBe(0);
  });

  it("a dead process's lock is stale and recovered; the store opens and the lock is released on close", async () => {
    const dir = freshDir();
    const pid = deadPid();
    const stale = { pid, host: hostname(), command: 'credence import', since: '2026-01-01T00:00:00.000Z', token: 'x' };
    writeFileSync(`${dir}.lock`, JSON.stringify(stale));
    const store = await openStore({ dir });
    expect(lockOf(dir)).toMatchObject({ pid: process.pid, host: hostname() });
    await store.close();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it('of several processes racing for a stale lock, exactly one takes it over', async () => {
    const dir = freshDir();
    const stale = { pid: deadPid(), host: hostname(), command: 'x', since: '2026-01-01T00:00:00.000Z', token: 'y' };
    writeFileSync(`${dir}.lock`, JSON.stringify(stale));
    const racers = [1, 2, 3, 4].map(() => hold('lock', dir));
    // Each either holds the lock ("open", then waits for stdin) or exits 6 at once.
    const outcome = await Promise.all(
      racers.map((c) => Promise.race([c.waitFor('open').then(() => 'open'), c.exited.then((code) => `exit ${code}`)])),
    );
    expect(outcome.filter((o) => o === 'open')).toHaveLength(1);
    expect(outcome.filter((o) => o === 'exit 6')).toHaveLength(3);
    const winner = racers[outcome.indexOf('open')];
    expect(lockOf(dir).pid).toBe(winner?.proc.pid);
    for (const c of racers) c.proc.stdin?.end('close\n');
    await Promise.all(racers.map((c) => c.exited));
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it('a lock taken on another host is never taken over', async () => {
    const dir = freshDir();
    const other = {
      pid: deadPid(),
      host: `not-${hostname()}`,
      command: 'credence',
      since: '2026-01-01T00:00:00Z',
      token: 'z',
    };
    writeFileSync(`${dir}.lock`, JSON.stringify(other));
    const error = await openStore({ dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLockedError);
    expect((error as StoreLockedError).name).toBe('StoreLockedError'); // how the CLI's main() tells it (by name)
    expect((error as StoreLockedError).failure).toMatchObject({ code: 'store_locked', params: { host: other.host } });
    expect(lockOf(dir)).toEqual(other);
  });

  it('SIGTERM releases the lock', async () => {
    const dir = freshDir();
    const first = hold('lock', dir);
    await first.waitFor('open');
    first.proc.kill('SIGTERM');
    await first.exited;
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it('an in-memory store takes no lock', async () => {
    const a = await openStore({ dir: 'memory://' });
    await a.close();
    expect(existsSync('memory:.lock')).toBe(false);
  });
});
