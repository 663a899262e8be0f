import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openEngine } from '@credence/db';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

const tmp = tempDir('demo');
afterAll(() => tmp.cleanup());

describe('credence demo', () => {
  it('builds its own database and prints aging, KPIs and the ten most overdue buyers', async () => {
    const dir = join(tmp.dir, 'demo');
    const r = await credence(['demo', '--size', 'small', '--seed', '7', '--as-of', '2026-06-30', '--dir', dir]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const heading of [
      'Aging as of 2026-06-30',
      'KPIs for 2026-04-01 … 2026-06-30 (91 days)',
      'DSO (countback)',
      'Ten most overdue buyers',
      'Imported statements',
      // A long step says when it begins (the large demo spends minutes in each).
      'Grading 30 buyers, setting their limits and checking their exposure …',
      "Dunning history: 14 weekly runs, then the day's run, the worklist, a bank statement and today's alerts …",
      'Risk grades as of 2026-06-30',
      'Buyers over their limit as of 2026-06-30',
      'Collections as of 2026-06-30 (dunning policy "default")',
      'Worklist 2026-06-30:',
      "Today's alerts as of 2026-06-30 (credence alerts run)",
    ]) {
      expect(r.out).toContain(heading);
    }
    // Every buyer is graded once: the grade table adds up to the portfolio.
    const grades = r.out.slice(r.out.indexOf('Risk grades as of'), r.out.indexOf('Buyers over their limit'));
    const graded = [...grades.matchAll(/^\s+\d+\s+(\d+)/gm)].reduce((s, m) => s + Number(m[1]), 0);
    const buyers = Number(/: (\d+) buyers,/.exec(r.out)?.[1]);
    expect(graded).toBe(buyers);
    // Each buyer got a limit, recorded as an approval by the demo three months before the date.
    const show = await credence(['limit', 'show', 'B00001', '--as-of', '2026-06-30', '--db', join(dir, 'db')]);
    expect(show.out).toMatch(/approval .* from 2026-03-30 by demo: recommended on 2026-03-30/);
    const from = r.out.indexOf('Ten most overdue buyers');
    const top = r.out.slice(from, r.out.indexOf('\n\n', from));
    expect(top.split('\n').filter((l) => /^\s*\d+\s+B\d+/.test(l)).length).toBe(10);
    // The demo ran the day's dunning: its letters are recorded (a second run finds nothing new) and samples written.
    const letters = Number(/(\d+) letters: pre_due/.exec(r.out)?.[1]);
    expect(letters).toBeGreaterThan(5);
    expect(r.out).toMatch(/held out: .*disputed 1/);
    // The day's bank statement: imported and matched, so the review queue and on-account cash have content.
    expect(r.out).toMatch(
      /The day's bank statement: Matched 6 bank lines: 3 applied, 1 to review, 1 on account, 1 in suspense, 0 ignored; 4 payments created/,
    );
    const rerun = await credence([
      'dunning',
      'run',
      '--as-of',
      '2026-06-30',
      '--dry-run',
      '--format',
      'json',
      '--company',
      join(dir, 'company.json'),
      '--db',
      join(dir, 'db'),
    ]);
    expect((JSON.parse(rerun.out) as { actions: unknown[] }).actions).toEqual([]);
    // One sample per level, the agency's included; each fits one page (needs pdfinfo, poppler-utils).
    const pdfs = readdirSync(join(dir, 'letters')).filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(3);
    expect(pdfs.some((f) => f.endsWith('-agency.pdf'))).toBe(true);
    for (const pdf of pdfs)
      expect(execFileSync('pdfinfo', [join(dir, 'letters', pdf)], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    // The generated ledger is consistent: every payment finds what it pays, no cash is left unapplied,
    // and every credit note is matched to its invoice, so no bucket is negative.
    const aging = await credence([
      'report',
      'aging',
      '--as-of',
      '2026-06-30',
      '--format',
      'json',
      '--db',
      join(dir, 'db'),
    ]);
    const reports = JSON.parse(aging.out) as {
      currency: string;
      buckets: { amount: string }[];
      unappliedCash: string;
    }[];
    expect(reports.length).toBeGreaterThan(3);
    for (const rep of reports) {
      // All the portfolio's payments are applied; the only unapplied cash is the bank line kept on account (EUR).
      expect(Number(rep.unappliedCash)).toBe(rep.currency === 'EUR' ? 123.45 : 0);
      for (const b of rep.buckets) expect(b.amount.startsWith('-')).toBe(false);
    }
    // Rerunning replaces the earlier demo and gives the same report.
    const again = await credence(['demo', '--size', 'small', '--seed', '7', '--as-of', '2026-06-30', '--dir', dir]);
    const strip = (s: string) => s.replace(/ready in [\d.]+ s/, '').replace(/… \([\d.]+ s\)/g, '');
    expect(strip(again.out)).toBe(strip(r.out));
  }, 240_000); // two demos (grades, dunning history, a statement, today's alerts) on a shared machine

  it('never writes over a directory it did not make', async () => {
    const mine = join(tmp.dir, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'keep.txt'), 'precious');
    const r = await credence(['demo', '--size', 'small', '--dir', mine]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('not made by `credence demo`');
  });
});

// `credence demo --database-url`: the same demo in a PostgreSQL database of this test's own (the web workspace's
// browser tests run on it); required in CI, where DATABASE_URL names the server.
const url = process.env.DATABASE_URL;
describe.runIf(url ? true : Boolean(process.env.CI))('credence demo --database-url', () => {
  const database = `credence_demo_${randomBytes(5).toString('hex')}`;
  const dbUrl = () => {
    if (!url) throw new Error('DATABASE_URL is not set: the PostgreSQL demo test must run in CI');
    const u = new URL(url);
    u.pathname = `/${database}`;
    return u.toString();
  };
  const admin = async (statement: string) => {
    const e = await openEngine({ databaseUrl: url ?? '' });
    try {
      await sql.raw(statement).execute(e.db);
    } finally {
      await e.close();
    }
  };
  afterAll(() => admin(`drop database if exists ${database} with (force)`));

  it('builds into an empty PostgreSQL database, the same portfolio as the embedded one, and never over data', async () => {
    await admin(`create database ${database}`);
    const dir = join(tmp.dir, 'demo-pg');
    const demo = ['demo', '--size', 'small', '--seed', '7', '--as-of', '2026-06-30'];
    const args = [...demo, '--dir', dir];
    const r = await credence([...args, '--database-url', dbUrl()]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('database in PostgreSQL (--database-url)');
    expect(r.out).not.toContain('--db ');
    expect(readdirSync(dir)).not.toContain('db');
    const env = { DATABASE_URL: dbUrl() };
    const pg = await credence(['report', 'aging', '--as-of', '2026-06-30', '--format', 'json'], env);
    const embedded = await credence([...demo, '--dir', join(tmp.dir, 'demo-pglite')]);
    expect(embedded.code).toBe(0);
    const fromDir = ['report', 'aging', '--as-of', '2026-06-30', '--format', 'json'];
    const lite = await credence([...fromDir, '--db', join(tmp.dir, 'demo-pglite', 'db')]);
    expect(pg.code).toBe(0);
    expect(JSON.parse(pg.out)).toEqual(JSON.parse(lite.out));
    const again = await credence([...args, '--database-url', dbUrl()]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(
      /PostgreSQL \(--database-url\) already holds \d+ buyers: the demo needs an empty database/,
    );
  }, 300_000);
});
