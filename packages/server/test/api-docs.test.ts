import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, serve } from '../src/index';
import { fixedClock, openTestServer, type TestServer } from './fixture';

// docs/api.md's curl examples are run as written against a listening server on demo data (in order: the
// payment example writes), and each answer must be the JSON the doc shows after it. A doc that drifts fails here.
const DOC = fileURLToPath(new URL('../../../docs/api.md', import.meta.url));
const run = promisify(execFile);

interface Pair {
  readonly curl: string;
  readonly shown: Record<string, unknown>;
}

function pairs(markdown: string): Pair[] {
  const blocks = [...markdown.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] ?? '' }));
  const out: Pair[] = [];
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    if (b.lang === 'sh' && b.text.trimStart().startsWith('curl') && next?.lang === 'json')
      out.push({ curl: b.text.trim(), shown: JSON.parse(next.text) as Record<string, unknown> });
  });
  return out;
}

describe('docs/api.md', () => {
  let s: TestServer;
  let server: RunningServer;
  beforeAll(async () => {
    s = await openTestServer();
    server = await serve({ store: s.store, clock: fixedClock, policies: s.policies }, { port: 0, host: '127.0.0.1' });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await s?.close();
  });

  it('has curl examples, and each answers what the doc shows', async () => {
    const examples = pairs(readFileSync(DOC, 'utf8'));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const x of examples) {
      const { stdout } = await run('sh', ['-c', x.curl], {
        env: {
          PATH: process.env.PATH ?? '',
          CREDENCE_URL: server.url,
          ERP_TOKEN: s.tokens.erp,
          SALES_TOKEN: s.tokens.sales,
          MANAGER_TOKEN: s.tokens.credit_manager,
          ADMIN_TOKEN: s.tokens.admin,
        },
      });
      const got = JSON.parse(stdout) as Record<string, unknown>;
      expect(Object.keys(got).sort(), `${x.curl}\n${stdout}`).toEqual(Object.keys(x.shown).sort());
      if ('type' in x.shown)
        expect({ type: got.type, status: got.status }).toEqual({ type: x.shown.type, status: x.shown.status });
    }
  }, 60_000);
});
