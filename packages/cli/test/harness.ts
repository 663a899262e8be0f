import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { date } from '@credence/core';
import type { Io } from '../src/context';
import { main } from '../src/main';

export interface RunResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the real CLI in-process with captured output, a pinned clock and no DATABASE_URL. */
export async function credence(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (s) => {
      out += s.endsWith('\n') ? s : `${s}\n`;
    },
    err: (s) => {
      err += s.endsWith('\n') ? s : `${s}\n`;
    },
    clock: { today: () => date(env.CREDENCE_TODAY ?? '2026-06-30'), now: () => new Date() },
    env,
    isTty: false,
  };
  const code = await main(['node', 'credence', ...args], io);
  return { code, out, err };
}

export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `credence-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
