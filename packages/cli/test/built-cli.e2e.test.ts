import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  // after the test above, which made the store
  it('renders letters with the templates and fonts of @credence/letters, found from the bundle', {
    timeout: 240_000,
  }, () => {
    const db = join(data.dir, 'db');
    const file = (name: string, text: string) => {
      writeFileSync(join(data.dir, name), text);
      return join(data.dir, name);
    };
    const buyers = file(
      'buyers.csv',
      'buyer_id,name,country,currency,payment_terms_days,language,email\n' +
        'B1,Alpha Trading Ltd,GB,EUR,30,en,ap@alpha.example\n' +
        'B2,臺灣精密股份有限公司,TW,EUR,30,zh-TW,ap@tw.example\n',
    );
    const invoices = file(
      'invoices.csv',
      'document_number,buyer_id,issue_date,due_date,amount,currency\n' +
        'A-1,B1,2026-01-01,2026-03-10,1000.00,EUR\n' +
        'T-1,B2,2026-01-01,2026-03-10,3000.00,EUR\n',
    );
    const company = file(
      'company.json',
      JSON.stringify({
        name: 'Nordlicht Handels GmbH',
        address: ['Hafenstraße 12', '20457 Hamburg'],
        bankAccount: { bankName: 'Hamburger Sparkasse', accountName: 'Nordlicht', iban: 'DE02200505501015871393' },
        contact: { name: 'Anna Berg', email: 'credit@nordlicht.example' },
      }),
    );
    expect(run(['import', 'buyers', buyers, '--db', db])).toMatchObject({ code: 0, err: '' });
    expect(run(['import', 'invoices', invoices, '--db', db])).toMatchObject({ code: 0, err: '' });
    const letters = join(data.dir, 'letters');
    const r = run(['dunning', 'run', '--dry-run', '--out', letters, '--company', company, '--db', db], {
      CREDENCE_TODAY: '2026-03-31',
    });
    expect([r.code, r.err]).toEqual([0, '']);
    const fonts = (buyer: string) => {
      const pdf = readdirSync(letters).find((f) => f.includes(`-${buyer}-`) && f.endsWith('.pdf')) ?? '';
      return execFileSync('pdffonts', [join(letters, pdf)], { encoding: 'utf8' });
    };
    expect(fonts('B1')).toMatch(/NotoSansSC-Regular/);
    expect(fonts('B2')).toMatch(/NotoSansTC-Regular/);
    const html = readdirSync(letters).find((f) => f.includes('-B2-') && f.endsWith('.html')) ?? '';
    expect(readFileSync(join(letters, html), 'utf8')).toContain('逾期付款');
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
