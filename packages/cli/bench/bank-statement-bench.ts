// Times `import bank-statement` of one generated camt.053 on a fresh PGlite directory (issue 16: a statement of
// 100 k lines in at most 60 s). npm run bench:bank-statement -- [--lines 100000] [--dir .bench]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBankStatement } from '@credence/app';
import { openStore } from '@credence/db';
import { parseBankStatement } from '@credence/files';
import { camt } from './bank-statement-gen';
import { line, peakRssMb, seconds, timed } from './measure';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : (process.argv[i + 1] ?? fallback);
};
const lines = Number(arg('lines', '100000'));
const dir = join(arg('dir', '.bench'), `bank-${process.pid}`);

async function main() {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'statement.xml');
  const made = await timed(() => writeFileSync(file, camt(lines)));
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(line('generate camt.053', `${lines.toLocaleString('en-US')} lines`, seconds(made.ms)));
  const store = await openStore({ dir: join(dir, 'db') });
  try {
    const total = await timed(async () => {
      const { readFileSync } = await import('node:fs');
      const parsed = await timed(() => parseBankStatement(readFileSync(file)));
      if (!parsed.value.ok) throw new Error(JSON.stringify(parsed.value.errors.slice(0, 3)));
      out(line('read and parse', seconds(parsed.ms)));
      const stored = await timed(() => importBankStatement(store, parsed.value.ok ? parsed.value.value : []));
      if (!stored.value.ok) throw new Error(JSON.stringify(stored.value.error));
      out(line('check, hash and store', seconds(stored.ms)));
    });
    out(line('import bank-statement, total', seconds(total.ms), `peak RSS ${peakRssMb()} MB`));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
