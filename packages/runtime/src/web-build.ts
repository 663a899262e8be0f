import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Env } from './env';

const require = createRequire(import.meta.url);

/**
 * The web workspace's build that `credence serve` serves at `/`: CREDENCE_WEB_DIR, else packages/web/dist (found
 * through the package's name, from the sources and from the CLI's bundle alike). Undefined when it has no
 * index.html (not built): then only the API is served.
 */
export function findWebBuild(env: Env): string | undefined {
  let dir = env.CREDENCE_WEB_DIR;
  if (dir === undefined || dir === '') {
    try {
      dir = join(dirname(require.resolve('@credence/web/package.json')), 'dist');
    } catch {
      return undefined;
    }
  }
  const abs = resolve(dir);
  return existsSync(join(abs, 'index.html')) ? abs : undefined;
}
