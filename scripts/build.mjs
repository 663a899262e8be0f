#!/usr/bin/env node
// Builds the installed `credence` binary: packages/cli/src/bin.ts (which runs main.ts) and the workspace
// packages it imports (@credence/core, app, db: TypeScript sources, and Kysely) bundled by esbuild into
// packages/cli/dist/credence.js, with every other package (commander, PGlite, pdfkit, exceljs …) left external
// and resolved from node_modules at run time. Code splitting keeps `await import(…)` lazy: a command's heavy
// modules load only when it runs. Run by the root `prepare` script (so `npm install` builds) and by
// `npm run build`; the bin falls back to the sources through tsx when the build is missing or older than the
// sources (docs/ARCHITECTURE.md, "Build and start-up"). Then the web workspace (scripts/build-web.mjs): its API
// types from the server's OpenAPI document, and its Vite build into packages/web/dist, served by `credence serve`.
//
//   node scripts/build.mjs [--outdir DIR] [--no-web]   (DIR must sit directly in packages/cli: assets are found at '..')
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildWeb } from './build-web.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages/cli');
const i = process.argv.indexOf('--outdir');
const outdir = i > 0 ? resolve(process.argv[i + 1] ?? '') : join(cli, 'dist');
if (resolve(outdir, '..') !== cli) {
  console.error(`build: --outdir must be a directory directly inside ${cli} (assets are found relative to it)`);
  process.exit(2);
}

/**
 * Packages bundled like our own code: Kysely is ~280 ES modules, whose loading cost ~0.25 s of CPU on every
 * command that opens a store; bundled, ~0.03 s. (PGlite stays external: it finds its .wasm and data files
 * next to its own modules.)
 */
const BUNDLED = /^(@credence\/|kysely(\/|$))/;

/** Bare specifiers other than our workspace packages and BUNDLED stay imports of node_modules. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      BUNDLED.test(args.path) ? undefined : { path: args.path, external: true },
    );
  },
};

rmSync(outdir, { recursive: true, force: true });
const started = Date.now();
await build({
  absWorkingDir: root,
  entryPoints: { credence: join(cli, 'src/bin.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  chunkNames: '[name]-[hash]', // beside credence.js: every chunk's import.meta.url is one level below the package
  plugins: [externalPackages],
  logLevel: 'warning',
});
// The stamp the bin compares with the sources' modification times (written last: a half build is stale).
writeFileSync(join(outdir, 'built.json'), `${JSON.stringify({ builtAt: new Date().toISOString() })}\n`);
console.log(`credence: built ${outdir} in ${Date.now() - started} ms`);

// A test's build of the CLI elsewhere (--outdir) leaves the web workspace's build alone.
if (i < 0 && !process.argv.includes('--no-web')) await buildWeb();
