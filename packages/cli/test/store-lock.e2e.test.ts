import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// The scenario: two `credence import invoices` into one --db at the same time. Before the lock both
// reported success and one file's rows were lost; now one imports and the other is refused with exit 6
// (nothing of it stored), or, with --wait, both import in turn.
const tmp = tempDir('store-lock');
afterAll(() => tmp.cleanup());
const BIN = join(import.meta.dirname, '..', 'bin', 'credence.js');
const ROWS = 5_000;

function invoices(prefix: string): string {
  const lines = ['document_number,buyer_id,issue_date,due_date,amount,currency'];
  for (let i = 1; i <= ROWS; i++) lines.push(`${prefix}${i},B1,2026-01-05,2026-02-04,${i}.00,EUR`);
  const file = join(tmp.dir, `${prefix}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function run(
  args: readonly string[],
  wait = '',
): { proc: ChildProcess; done: Promise<{ code: number | null; err: string }> } {
  const proc = spawn(process.execPath, [BIN, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DATABASE_URL: '', CREDENCE_DB_WAIT: wait },
  });
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  return { proc, done: new Promise((r) => proc.on('exit', (code) => r({ code, err }))) };
}

/** Document numbers stored, by prefix. */
async function stored(db: string): Promise<Record<string, number>> {
  const r = await credence(['buyer', 'show', 'B1', '--as-of', '2026-06-30', '--format', 'json', '--db', db]);
  expect(r.code).toBe(0);
  const items = (JSON.parse(r.out) as { openItems: { number: string }[] }).openItems;
  const by: Record<string, number> = {};
  for (const i of items) {
    const p = i.number.replace(/\d+$/, '');
    by[p] = (by[p] ?? 0) + 1;
  }
  return by;
}

let a = '';
let b = '';
beforeAll(() => {
  writeFileSync(join(tmp.dir, 'buyers.csv'), 'buyer_id,name,country,currency,payment_terms_days\nB1,Acme,DE,EUR,30\n');
  a = invoices('A');
  b = invoices('B');
});

async function freshDb(name: string): Promise<string> {
  const db = join(tmp.dir, name);
  expect((await credence(['import', 'buyers', join(tmp.dir, 'buyers.csv'), '--db', db])).code).toBe(0);
  return db;
}

describe('two concurrent imports into one embedded database', () => {
  it('one imports, the other fails at once with exit 6 and stores nothing', async () => {
    const db = await freshDb('db1');
    // Started together: each reaches the lock about one process start-up after launch, well before the
    // other has opened PGlite and imported.
    const runs = [run(['import', 'invoices', a, '--db', db]), run(['import', 'invoices', b, '--db', db])];
    const results = await Promise.all(runs.map((r) => r.done));
    expect(results.map((r) => r.code).sort()).toEqual([0, 6]);
    const winner = results.findIndex((r) => r.code === 0);
    const loser = results[1 - winner];
    expect(loser?.err).toContain(`the database ${db} is in use by process ${runs[winner]?.proc.pid}`);
    expect(loser?.err).toContain('--wait SECONDS');
    expect(await stored(db)).toEqual({ [winner === 0 ? 'A' : 'B']: ROWS });
  }, 300_000);

  it('with --wait (or CREDENCE_DB_WAIT), one waits for the other and both files are stored', async () => {
    const db = await freshDb('db2');
    const first = run(['import', 'invoices', a, '--db', db], '300');
    const second = run(['--wait', '300', 'import', 'invoices', b, '--db', db]);
    const [r1, r2] = await Promise.all([first.done, second.done]);
    expect([r1.code, r2.code]).toEqual([0, 0]);
    expect(await stored(db)).toEqual({ A: ROWS, B: ROWS });
    expect(existsSync(`${db}.lock`)).toBe(false);
  }, 300_000);
});
