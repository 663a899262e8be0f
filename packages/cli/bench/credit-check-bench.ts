/**
 * The credit check under load (a benchmark, not a test): `npm run bench:credit-check`. Loads (or reuses a
 * kept) benchmark portfolio into PostgreSQL, gives most buyers a limit, creates an `erp` user, starts the real
 * server in a child process and drives `POST /api/v1/credit-checks` with autocannon, each request another
 * buyer and amount. Checks a sample of answers against `checkOrder` called directly. docs/benchmarks.md.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { addUser, checkOrder } from '@credence/app';
import { type CurrencyCode, date } from '@credence/core';
import { readCheckPolicy } from '@credence/runtime';
import autocannon from 'autocannon';
import { type Kysely, sql } from 'kysely';
import { parseBenchArgs } from './args';
import { benchPortfolio } from './credit-check-setup';
import { line } from './measure';
import { backendSeconds, backendTicks, withAppName } from './pg-cpu';
import { portfolioFiles } from './portfolio-files';

const out = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

function num(argv: readonly string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a positive integer`);
  return n;
}

/** Deterministic random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Check {
  readonly buyerId: string;
  readonly cents: bigint;
  readonly body: string;
}

/** `count` requests: a random buyer each, an amount log-uniform from 100 to 200,000 EUR. */
function requests(buyerIds: readonly string[], count: number, asOf: string, seed: number): Check[] {
  const r = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const buyerId = buyerIds[Math.floor(r() * buyerIds.length)] ?? '';
    const cents = BigInt(Math.round(10_000 * 2000 ** r()));
    const amount = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
    return { buyerId, cents, body: JSON.stringify({ buyerId, amount, currency: 'EUR', orderId: `SO-${i}`, asOf }) };
  });
}

/** The server's connections are PostgreSQL backends with this application name (for their CPU time). */
const APP_NAME = 'credence-credit-check-bench';

function startServer(
  databaseUrl: string,
  schema: string,
  profileDir: string | undefined,
): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(join(import.meta.dirname, 'credit-check-server.ts'), [], {
    execArgv: ['--import', 'tsx', ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [])],
    env: { ...process.env, DATABASE_URL: withAppName(databaseUrl, APP_NAME), BENCH_SCHEMA: schema },
  });
  return new Promise((ok, fail) => {
    child.once('message', (m) => ok({ child, url: (m as { url: string }).url }));
    child.once('exit', (code) => fail(new Error(`the server exited with ${code}`)));
  });
}

interface ServerCpu {
  readonly cpu: NodeJS.CpuUsage;
  /** Statements sent to PostgreSQL so far. */
  readonly statements: number;
  readonly rssMb: number;
}

function serverCpu(child: ChildProcess): Promise<ServerCpu> {
  return new Promise((ok) => {
    child.once('message', (m) => ok(m as ServerCpu));
    child.send('cpu');
  });
}

const decimalToMinor = (s: string): string => String(BigInt(s.replace('.', '')));
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = parseBenchArgs(argv, { ...process.env, BENCH_INVOICES: process.env.BENCH_INVOICES ?? '20000' });
  const duration = num(argv, 'duration', 20);
  const connections = num(argv, 'connections', 16);
  const sample = num(argv, 'sample', 500);
  if (!args.databaseUrl) throw new Error('set DATABASE_URL (PostgreSQL): the credit check is measured there');
  out(
    `Credit check benchmark: ${args.invoices.toLocaleString('en-US')} invoices, ${args.buyers.toLocaleString('en-US')} buyers, ` +
      `as of ${args.asOf}; Node ${process.version}, ${cpus().length} cores; load average ${load()}`,
  );
  const files = await portfolioFiles(args, out);
  const schema = `ccbench_s${args.seed}_b${args.buyers}_i${args.invoices}`;
  const p = await benchPortfolio(args.databaseUrl, schema, files, args.asOf, out);
  const user = await addUser(p.store, { name: `bench-erp-${Date.now()}`, role: 'erp' });
  if (!user.ok) throw new Error(`cannot add the erp user: ${user.error.code}`);
  const headers = { authorization: `Bearer ${user.value.token}`, 'content-type': 'application/json' };
  const profileDir = argv.includes('--profile') ? resolve(args.dir, 'profiles') : undefined;
  const { child, url } = await startServer(args.databaseUrl, schema, profileDir);
  const endpoint = `${url}/api/v1/credit-checks`;
  try {
    // 1. A sample of answers, one at a time, against checkOrder called directly on the same data.
    const policy = await readCheckPolicy();
    const decisions = new Map<string, number>();
    let differ = 0;
    for (const c of requests(p.buyerIds, sample, args.asOf, args.seed + 1)) {
      const res = await fetch(endpoint, { method: 'POST', headers, body: c.body });
      const got = (await res.json()) as {
        decision: string;
        reasons: { code: string }[];
        exposure: { afterOrder: { amount: string } };
      };
      const want = await checkOrder(p.store, policy, {
        buyerId: c.buyerId,
        amount: c.cents,
        currency: 'EUR' as CurrencyCode,
        asOf: date(args.asOf),
      });
      if (!want.ok) throw new Error(`checkOrder failed for ${c.buyerId}: ${want.error.code}`);
      const same =
        res.status === 200 &&
        got.decision === want.value.decision &&
        got.reasons.map((r) => r.code).join() === want.value.reasons.map((r) => r.code).join() &&
        decimalToMinor(got.exposure.afterOrder.amount) === String(want.value.exposureAfter);
      if (!same) {
        differ++;
        if (differ <= 3) out(`  differs for ${c.body}: ${JSON.stringify(got)}`);
      }
      decisions.set(got.decision, (decisions.get(got.decision) ?? 0) + 1);
    }
    out(line(`sample of ${sample} = checkOrder`, differ === 0 ? 'yes, all' : `NO — ${differ} differ`));
    out(line('  decisions in the sample', [...decisions].map(([d, n]) => `${d} ${n}`).join(', ')));

    // 2. checkOrder alone, in this process (no HTTP, no JSON, no token): one at a time, then 16 at once.
    const direct = requests(p.buyerIds, 2000, args.asOf, args.seed + 3);
    const one = async (c: Check) => {
      const r = await checkOrder(p.store, policy, {
        buyerId: c.buyerId,
        amount: c.cents,
        currency: 'EUR' as CurrencyCode,
        asOf: date(args.asOf),
      });
      if (!r.ok) throw new Error(r.error.code);
    };
    let t = performance.now();
    for (const c of direct.slice(0, 1000)) await one(c);
    const serialMs = (performance.now() - t) / 1000;
    t = performance.now();
    let at = 1000;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (at < direct.length) {
          const c = direct[at++];
          if (c) await one(c);
        }
      }),
    );
    const parallelPerS = 1000 / ((performance.now() - t) / 1000);
    out(line('checkOrder direct, one at a time', `${serialMs.toFixed(2)} ms each`));
    out(line('checkOrder direct, 16 at once', `${Math.round(parallelPerS)} checks/s (pool of 4 connections)`));

    // 3. The load: every request another buyer and amount, cycling through 100,000 prepared bodies.
    const bodies = requests(p.buyerIds, 100_000, args.asOf, args.seed + 2).map((c) => c.body);
    let next = 0;
    const run = (seconds: number) =>
      autocannon({
        url: endpoint,
        connections,
        duration: seconds,
        method: 'POST',
        headers,
        requests: [
          {
            setupRequest: (req) => {
              next = (next + 1) % bodies.length;
              return { ...req, body: bodies[next] };
            },
          },
        ],
      });
    await run(3); // warm-up: JIT, connection pool, PostgreSQL's caches
    const loadBefore = load();
    const db = p.engine.db as unknown as Kysely<never>;
    const pg0 = await backendTicks(db, APP_NAME);
    const server0 = await serverCpu(child);
    const cpu0 = server0.cpu;
    const own0 = process.cpuUsage();
    const r = await run(duration);
    const server = await serverCpu(child);
    const pgCpuS = backendSeconds(pg0, await backendTicks(db, APP_NAME));
    const statements = (server.statements - server0.statements) / r.requests.total;
    const serverCpuS = (server.cpu.user + server.cpu.system - cpu0.user - cpu0.system) / 1e6;
    const own = process.cpuUsage(own0);
    const clientCpuS = (own.user + own.system) / 1e6;
    const errors = r.errors + r.timeouts + r.non2xx;
    out(`\nLoad: ${connections} connections, ${duration} s (load average before ${loadBefore}, after ${load()})`);
    out(line('requests', r.requests.total.toLocaleString('en-US')));
    out(line('requests/s', `${Math.round(r.requests.average)} mean`, `${r.requests.min} min`, `${r.requests.max} max`));
    out(line('latency', `p50 ${r.latency.p50} ms`, `p99 ${r.latency.p99} ms`, `max ${r.latency.max} ms`));
    out(line('errors', `${errors} (errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx})`));
    out(
      line(
        'server CPU',
        `${serverCpuS.toFixed(1)} s = ${((serverCpuS * 1000) / r.requests.total).toFixed(2)} ms/request`,
      ),
    );
    out(line('statements per request', statements.toFixed(3)));
    out(
      line(
        'PostgreSQL CPU (its backends)',
        pgCpuS === undefined
          ? 'not measured (no /proc of the backends)'
          : `${pgCpuS.toFixed(1)} s = ${((pgCpuS * 1000) / r.requests.total).toFixed(2)} ms/request`,
      ),
    );
    out(line('load generator CPU', `${clientCpuS.toFixed(1)} s`));
    const dir = resolve(args.dir);
    mkdirSync(dir, { recursive: true });
    const report = join(dir, 'credit-check-results.json');
    writeFileSync(
      report,
      JSON.stringify(
        {
          invoices: args.invoices,
          buyers: args.buyers,
          asOf: args.asOf,
          connections,
          duration,
          loadBefore,
          loadAfter: load(),
          requests: r.requests.total,
          perSecond: r.requests.average,
          latency: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
          errors,
          sample: { size: sample, differ, decisions: Object.fromEntries(decisions) },
          direct: { serialMs, parallelPerS },
          serverCpuS,
          statementsPerRequest: statements,
          pgCpuS,
          clientCpuS,
        },
        null,
        2,
      ),
    );
    out(`\nResults written to ${report}`);
  } finally {
    child.kill('SIGTERM');
    if (!args.keep && !p.reused) await sql`drop schema ${sql.id(schema)} cascade`.execute(p.engine.db);
    await p.store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
