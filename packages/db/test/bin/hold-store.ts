// A second process for the lock tests: opens the embedded store in DIR (or only its lock, with `lock`),
// prints "open" and holds it until stdin reaches "close" or ends. Exit 6 with the failure on stdout when
// the directory is locked. Usage: node --import tsx hold-store.ts store|lock DIR [WAIT_MS]
import { resolve } from 'node:path';
import { lockDir } from '../../src/engine/dir-lock';
import { openStore, StoreLockedError } from '../../src/index';

const [mode, dir, wait] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: hold-store.ts store|lock DIR [WAIT_MS]');
const waitMs = Number(wait ?? '0');

async function open(): Promise<() => Promise<void>> {
  if (mode === 'lock') {
    const lock = await lockDir(resolve(dir as string), { waitMs, pollMs: 50 });
    return async () => lock.release();
  }
  const store = await openStore({ dir: dir as string, waitMs });
  return () => store.close();
}

try {
  const close = await open();
  process.stdout.write('open\n');
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (d) => {
    input += d;
  });
  await new Promise<void>((done) => {
    process.stdin.on('data', () => input.includes('close') && done());
    process.stdin.on('end', done);
  });
  await close();
  process.stdout.write('closed\n');
} catch (e) {
  if (!(e instanceof StoreLockedError)) throw e;
  process.stdout.write(`${JSON.stringify(e.failure)}\n`);
  process.exitCode = 6;
}
