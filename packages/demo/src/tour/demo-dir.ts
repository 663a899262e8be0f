import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const MARKER = '.credence-demo';

/**
 * Refuses any directory that is not empty and was not made by an earlier demo, so the demo never
 * replaces a user's database; an earlier demo's directory is wiped and made anew.
 */
export function prepareDemoDir(dir: string): { ok: true } | { ok: false; reason: string } {
  const abs = resolve(dir);
  if (existsSync(abs)) {
    if (!statSync(abs).isDirectory())
      return { ok: false, reason: `${abs} is a file, not a directory: choose another --dir` };
    const entries = readdirSync(abs);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      return { ok: false, reason: `${abs} is not empty and was not made by \`credence demo\`: choose another --dir` };
    }
    rmSync(abs, { recursive: true, force: true });
  }
  mkdirSync(abs, { recursive: true });
  writeFileSync(join(abs, MARKER), 'made by credence demo; the whole directory is replaced by the next demo run\n');
  return { ok: true };
}
