/**
 * One server process against two on one PostgreSQL (a benchmark, not a test): `npm run bench:scale-out`. Loads
 * (or reuses) the credit-check benchmark portfolio, then drives `POST /api/v1/credit-checks` with autocannon at
 * one `credence serve`-equivalent process, then at two (the connections split between them), and prints the
 * request rates. docs/scaling.md. Options: --duration S (10), --connections N (16); BENCH_INVOICES (20,000).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { addUser } from '@credence/app';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { parseBenchArgs } from './args';
import { benchPortfolio } from './credit-check-setup';
import { line } from './measure';
import { portfolioFiles } from './portfolio-files';

const out = (s: string): void => void process.stdout.write(`${s}\n`);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const num = (argv: readonly string[], name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(argv[i + 1]);
};

function startServer(databaseUrl: string, schema: string): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(join(import.meta.dirname, 'credit-check-server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_SCHEMA: schema },
  });
  return new Promise((ok, fail) => {
    child.once('message', (m) => ok({ child, url: (m as { url: string }).url }));
    child.once('exit', (code) => fail(new Error(`the server exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = parseBenchArgs(argv, { ...process.env, BENCH_INVOICES: process.env.BENCH_INVOICES ?? '20000' });
  const duration = num(argv, 'duration', 10);
  const connections = num(argv, 'connections', 16);
  if (!args.databaseUrl) throw new Error('set DATABASE_URL (PostgreSQL)');
  out(`Scale-out: ${args.invoices} invoices, ${args.buyers} buyers; Node ${process.version}, ${cpus().length} cores`);
  const files = await portfolioFiles(args, out);
  // A schema of its own: the servers migrate it to this version, which must not touch schemas other runs keep.
  const schema = `scalebench_s${args.seed}_b${args.buyers}_i${args.invoices}`;
  const p = await benchPortfolio(args.databaseUrl, schema, files, args.asOf, out);
  const user = await addUser(p.store, { name: `bench-scale-${Date.now()}`, role: 'erp' });
  if (!user.ok) throw new Error(user.error.code);
  const headers = { authorization: `Bearer ${user.value.token}`, 'content-type': 'application/json' };
  let next = 0;
  const body = () => {
    next += 1;
    const buyerId = p.buyerIds[(next * 7919) % p.buyerIds.length];
    return JSON.stringify({ buyerId, amount: `${1000 + (next % 5000)}.00`, currency: 'EUR', asOf: args.asOf });
  };
  const hit = (url: string, conns: number, seconds: number) =>
    autocannon({
      url: `${url}/api/v1/credit-checks`,
      connections: conns,
      duration: seconds,
      method: 'POST',
      headers,
      requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
    });
  const servers = [await startServer(args.databaseUrl, schema)];
  try {
    for (const n of [1, 2]) {
      if (servers.length < n) servers.push(await startServer(args.databaseUrl, schema));
      const urls = servers.map((s) => s.url);
      await Promise.all(urls.map((u) => hit(u, Math.ceil(connections / n), 3))); // warm-up
      const before = load();
      const rs = await Promise.all(urls.map((u) => hit(u, Math.ceil(connections / n), duration)));
      const total = rs.reduce((s, r) => s + r.requests.total, 0);
      const errors = rs.reduce((s, r) => s + r.errors + r.timeouts + r.non2xx, 0);
      out(`\n${n} server process${n > 1 ? 'es' : ''}, ${connections} connections, ${duration} s (load ${before})`);
      out(
        line(
          'requests/s',
          `${Math.round(total / duration)}`,
          `(${rs.map((r) => Math.round(r.requests.average)).join(' + ')})`,
        ),
      );
      out(line('latency p50 / p99', rs.map((r) => `${r.latency.p50} / ${r.latency.p99} ms`).join('; ')));
      out(line('errors', String(errors)));
    }
  } finally {
    // The servers finish what they have in hand before the schema goes.
    const exits = servers.map((s) => new Promise((done) => s.child.once('exit', done)));
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(exits);
    if (!args.keep && !p.reused) await sql`drop schema ${sql.id(schema)} cascade`.execute(p.engine.db);
    await p.store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
