#!/usr/bin/env node
// The credence binary. It runs the build, packages/cli/dist/credence.js (scripts/build.mjs, made by `npm install`
// and `npm run build`), when the build is there and newer than every source file of the workspace packages.
// Otherwise, or with CREDENCE_DEV=1, it runs the TypeScript sources through tsx, which compiles them on each
// run (about 2 s before a command starts). See docs/ARCHITECTURE.md, "Build and start-up".
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packages = fileURLToPath(new URL('../../', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** Modification time of a file, 0 when it is missing. */
const mtime = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;

/**
 * True when a source file of a workspace package (tests aside) or the build script changed after the build
 * (~300 stats, ~10 ms).
 */
function sourcesNewerThan(built) {
  const newer = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (
        e.isDirectory()
          ? newer(path)
          : /\.[cm]?[jt]s$/.test(e.name) && !/\.test\.ts$/.test(e.name) && mtime(path) > built
      )
        return true;
    }
    return false;
  };
  return (
    mtime(join(packages, '../scripts/build.mjs')) > built ||
    readdirSync(packages).some((p) => p !== 'web' && newer(join(packages, p, 'src'))) // every package the bundle holds
  );
}

const built = process.env.CREDENCE_DEV === '1' ? 0 : mtime(join(dist, 'built.json'));
if (built > 0 && !sourcesNewerThan(built)) {
  await import('../dist/credence.js');
} else {
  if (built > 0 && process.stderr.isTTY)
    process.stderr.write(
      'credence: sources changed since the build; running them through tsx (`npm run build` to rebuild)\n',
    );
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/bin.ts');
}
