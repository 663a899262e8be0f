import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './harness';

// The installed binary runs a build of the sources (scripts/build.mjs, docs/ARCHITECTURE.md "Build and
// start-up"). These tests build the current sources into a directory of their own beside packages/cli/dist
// and run that build as a separate process; timings are measured by `npm run bench:startup`, not here.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const cliDir = join(root, 'packages/cli');
let out = '';
let data: { dir: string; cleanup: () => void };

const run = (args: readonly string[], env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(process.execPath, [join(out, 'credence.js'), ...args], {
    cwd: data.dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env }, // no DATABASE_URL unless given: the embedded store
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

beforeAll(() => {
  out = mkdtempSync(join(cliDir, '.dist-test-'));
  data = tempDir('built');
  const b = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--outdir', out], { encoding: 'utf8' });
  expect([b.status, b.stderr]).toEqual([0, '']);
});

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  data.cleanup();
});

describe('the built CLI', () => {
  it('answers --version and --help', () => {
    expect(run(['--version'])).toEqual({ code: 0, out: '0.1.0\n', err: '' });
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('buyer');
  });

  it('finds the files it reads at run time relative to the package, not to src/', () => {
    const r = run([
      'interest',
      'calc',
      '--regime',
      'de-b2b',
      '--principal',
      '18000.00',
      '--currency',
      'EUR',
      '--due',
      '2025-03-01',
      '--paid',
      '2025-06-30',
      '--format',
      'json',
    ]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(JSON.parse(r.out)).toMatchObject({ currency: 'EUR', compensation: '40.00' });
    const help = run(['model', 'score', '--help']).out.replace(/\s+/g, ' ');
    const model = /\(default: "([^"]+default-pd\.json)"\)/.exec(help)?.[1];
    expect(model).toBe(join(root, 'packages/runtime/models/default-pd.json'));
    expect(existsSync(model ?? '')).toBe(true);
  });

  // creating a PGlite database takes 10–50 s on a loaded machine
  it('opens the embedded store through its lazily loaded chunks', { timeout: 240_000 }, () => {
    const db = join(data.dir, 'db');
    expect(run(['init', '--db', db])).toMatchObject({ code: 0, err: '' });
    expect(run(['buyer', 'list', '--db', db, '--format', 'json'])).toEqual({ code: 0, out: '[]\n', err: '' });
  });

  it('loads the PostgreSQL driver when DATABASE_URL is set (here a server that is not there)', () => {
    const r = run(['buyer', 'list'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.code).toBe(5);
    expect(r.err).toMatch(/cannot open the database at DATABASE_URL: .*(ECONNREFUSED|connect)/);
  });

  it('loads no package but commander before a command runs (the heavy ones are imported when used)', () => {
    const external = new Set<string>();
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(out, file), 'utf8');
      // static imports only: `import … from "x"` / `import "x"`; `import("x")` is the lazy kind
      for (const m of text.matchAll(/^(?:import|export)\s(?:[^;]*?\sfrom\s*)?"([^"]+)";/gm)) {
        const spec = m[1] ?? '';
        if (spec.startsWith('./')) visit(spec.slice(2));
        else if (!spec.startsWith('node:')) external.add(spec);
      }
    };
    visit('credence.js');
    expect(seen.size).toBeGreaterThan(1);
    expect([...external]).toEqual(['commander']);
  });
});
