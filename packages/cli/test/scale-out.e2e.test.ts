import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addUser, addWebhook, type Store } from '@credence/app';
import { type CurrencyCode, date, isCurrency } from '@credence/core';
import { openEngine, openStore } from '@credence/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './harness';

// Scale-out (docs/scaling.md): two `credence serve` processes of the built CLI, on two ports, over one PostgreSQL
// database, each running its worker, and a `credence worker`. Requests of one kind go to both servers at once; the
// exactly-once rules hold, and the delivery job is run once with three workers polling.
const url = process.env.DATABASE_URL;
const root = fileURLToPath(new URL('../../../', import.meta.url));
const TODAY = '2026-06-30';
const N = 8;
const EUR = ((c: string): CurrencyCode => {
  if (!isCurrency(c)) throw new RangeError(c);
  return c;
})('EUR');

interface Server {
  readonly proc: ChildProcess;
  readonly api: string;
  readonly exited: Promise<number | null>;
  readonly err: () => string;
}

/** A process of the built CLI, once it has said `ready` on stdout (the API's URL, if it serves one). */
function start(bin: string, args: string[], ready: RegExp, cwd: string, env: NodeJS.ProcessEnv): Promise<Server> {
  const proc = spawn(process.execPath, [bin, ...args, '--interval', '200'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let out = '';
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/\S+\/api\/v1)/.exec(out);
      if (ready.test(out)) resolve({ proc, api: m?.[1] ?? '', exited, err: () => err });
    });
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

describe.runIf(url !== undefined && url !== '' ? true : Boolean(process.env.CI))('two servers, one PostgreSQL', () => {
  const tmp = tempDir('scale-out');
  const database = `credence_scale_${randomBytes(5).toString('hex')}`;
  let dbUrl = '';
  let out = '';
  let store: Store;
  const servers: Server[] = [];
  let worker: Server | undefined;
  const tokens: Record<string, string> = {};
  /** The webhook deliveries the workers made: the `Credence-Event` and `Credence-Delivery` headers of each POST. */
  const hooks: { event: string; delivery: string }[] = [];
  const receiver = createServer((req, res) => {
    hooks.push({ event: String(req.headers['credence-event']), delivery: String(req.headers['credence-delivery']) });
    req.resume().on('end', () => res.writeHead(200).end());
  });

  /** The i-th call goes to server i mod 2. */
  const call = (i: number, user: string, method: string, path: string, body?: unknown) =>
    fetch(`${servers[i % servers.length]?.api}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[user]}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const burst = (f: (i: number) => Promise<Response>) => Promise.all(Array.from({ length: N }, (_, i) => f(i)));

  beforeAll(async () => {
    if (!url) throw new Error('DATABASE_URL is not set: the scale-out test must run in CI');
    const admin = await openEngine({ databaseUrl: url });
    await sql.raw(`create database ${database}`).execute(admin.db);
    await admin.close();
    const u = new URL(url);
    u.pathname = `/${database}`;
    dbUrl = u.toString();
    out = mkdtempSync(join(root, 'packages/cli/.dist-test-'));
    const b = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--outdir', out], { encoding: 'utf8' });
    expect([b.status, b.stderr]).toEqual([0, '']);

    store = await openStore({ databaseUrl: dbUrl });
    await store.transact(async (tx) => {
      await tx.upsertBuyers(
        ['B1', 'B2', 'B3'].map((id) => ({
          id,
          name: `Buyer ${id}`,
          country: 'DE',
          currency: EUR,
          paymentTermsDays: 30,
          email: `ap@${id.toLowerCase()}.example`,
        })),
      );
      await tx.insertDocuments(
        ['B1', 'B2', 'B3'].flatMap((buyerId) =>
          [1, 2].map((n) => ({
            number: `I-${buyerId}-${n}`,
            buyerId,
            type: 'invoice' as const,
            issueDate: date('2026-03-01'),
            dueDate: date('2026-03-31'),
            amount: 100_000n * BigInt(n),
            currency: EUR,
            idempotencyKey: `doc:I-${buyerId}-${n}`,
            contentHash: 'h',
          })),
        ),
      );
    });
    for (const [name, role] of [
      ['asker', 'credit_manager'],
      ['chief1', 'credit_manager'],
      ['chief2', 'credit_manager'],
      ['coll1', 'collector'],
      ['coll2', 'collector'],
    ] as const) {
      const r = await addUser(store, { name, role });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      tokens[name] = r.value.token;
    }
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const hook = await addWebhook(store, {
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
      events: ['limit.approved'],
    });
    if (!hook.ok) throw new Error(JSON.stringify(hook.error));
    const company = join(tmp.dir, 'company.json');
    writeFileSync(
      company,
      JSON.stringify({
        name: 'Nordlicht Handels GmbH',
        address: ['Hafenstraße 12', '20457 Hamburg'],
        bankAccount: { bankName: 'Haspa', accountName: 'Nordlicht Handels GmbH', iban: 'DE02200505501015871393' },
        contact: { name: 'Anna Berg', email: 'credit@nordlicht.example' },
      }),
    );
    const env = {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: dbUrl,
      CREDENCE_TODAY: TODAY,
      CREDENCE_COMPANY: company,
      CREDENCE_OUTBOX: join(tmp.dir, 'outbox'),
    };
    const bin = join(out, 'credence.js');
    const serve = () => start(bin, ['serve', '--port', '0'], /Worker: running/, tmp.dir, env);
    servers.push(...(await Promise.all([serve(), serve()])));
    // And a third worker of its own (`credence worker`), polling the same queue.
    worker = await start(bin, ['worker'], /Worker on PostgreSQL/, tmp.dir, env);
  }, 240_000);

  afterAll(async () => {
    const all = worker ? [...servers, worker] : servers;
    for (const s of all) s.proc.kill('SIGTERM');
    const codes = await Promise.all(all.map((s) => s.exited));
    await store?.close();
    receiver.closeAllConnections();
    receiver.close();
    if (url) {
      const admin = await openEngine({ databaseUrl: url });
      await sql.raw(`drop database if exists ${database} with (force)`).execute(admin.db);
      await admin.close();
    }
    if (out) rmSync(out, { recursive: true, force: true });
    tmp.cleanup();
    expect(codes).toEqual(all.map(() => 0));
    for (const s of all) expect(s.err()).toContain('SIGTERM: stopped');
  }, 60_000);

  it('serve on two ports, one store', async () => {
    expect(new Set(servers.map((s) => s.api)).size).toBe(2);
    for (let i = 0; i < 2; i++) {
      const r = await call(i, 'coll1', 'GET', '/buyers');
      expect(r.status).toBe(200);
      expect(((await r.json()) as { buyers: unknown[] }).buyers).toHaveLength(3);
    }
  });

  it('approves a limit request once (four eyes), whichever server the approvers reach', async () => {
    const asked = await call(0, 'asker', 'POST', '/buyers/B1/limit-requests', {
      amount: '50000.00',
      currency: 'EUR',
      reason: 'new contract',
    });
    expect(asked.status).toBe(201);
    const { id } = (await asked.json()) as { id: number };
    const answers = await burst((i) =>
      call(i, i % 4 < 2 ? 'chief1' : 'chief2', 'POST', `/buyers/B1/limit-requests/${id}/approve`, { reason: 'ok' }),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, ...Array(N - 1).fill(403)]);
    // The approval's webhook, sent by one of the three workers (their default poller), once.
    for (let t = 0; t < 300 && hooks.length === 0; t++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1_000)); // several more polls of every worker
    expect(hooks.map((h) => h.event)).toEqual(['limit.approved']);
  }, 60_000);

  it('opens one dispute per document', async () => {
    const r = await burst((i) =>
      call(i, i % 2 ? 'coll1' : 'coll2', 'POST', '/disputes', { documents: ['I-B3-1'], reason: 'quality' }),
    );
    expect(r.map((x) => x.status).sort()).toEqual([201, ...Array(N - 1).fill(403)]);
  });

  it('letters each document once on a run date, and delivers each letter once with three workers polling', async () => {
    const runs = await burst((i) => call(i, 'coll1', 'POST', '/dunning-runs', { asOf: TODAY, confirm: true }));
    for (const r of runs) expect([201, 403]).toContain(r.status);
    expect(runs.some((r) => r.status === 201)).toBe(true);
    const letters = await store.lettersOn(date(TODAY));
    const items = letters.flatMap((l) => l.letter.lines.map((x) => x.number));
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items).size).toBe(items.length);

    const queued = await burst((i) => call(i, 'coll2', 'POST', `/dunning-runs/${TODAY}/deliveries`));
    expect(queued.map((r) => r.status)).toEqual(Array(N).fill(202));
    const ids = new Set(await Promise.all(queued.map(async (r) => ((await r.json()) as { id: string }).id)));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    let job: { state: string; attempts: number } = { state: 'queued', attempts: 0 };
    for (let t = 0; t < 600 && job.state !== 'done' && job.state !== 'failed'; t++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await (await call(t, 'coll1', 'GET', `/jobs/${id}`)).json()) as typeof job;
    }
    expect(job).toMatchObject({ state: 'done', attempts: 1 });

    const entries = (await store.lettersOn(date(TODAY))).flatMap((l) => l.outbox);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect([e.id, e.status, e.attempts]).toEqual([e.id, 'written', 1]);
    const emails = entries.filter((e) => e.kind === 'email').length;
    expect(readdirSync(join(tmp.dir, 'outbox')).filter((f) => f.endsWith('.eml'))).toHaveLength(emails);
  }, 120_000);
});
