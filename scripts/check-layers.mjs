#!/usr/bin/env node
// The layer rule of docs/ARCHITECTURE.md: which workspace package may import which.
// core imports no workspace package and no IO; nothing imports cli; tests may also use TEST_ALLOWED.
// cli/src parses and prints: it opens stores through @credence/runtime, never @credence/db, and holds no SQL.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ALLOWED = {
  core: [],
  app: ['core'],
  db: ['core', 'app'],
  letters: ['core', 'app'],
  files: ['core', 'app'],
  demo: ['core', 'app', 'files'],
  runtime: ['core', 'app', 'db', 'letters'],
  server: ['core', 'app', 'letters', 'files', 'runtime'],
  cli: ['core', 'app', 'letters', 'files', 'demo', 'runtime', 'server'],
  // The browser's workspace talks to the server over HTTP only, through its generated client: no package.
  web: [],
};
/** Packages a package's tests and benchmarks may use besides ALLOWED (test data, a real store). */
const TEST_ALLOWED = {
  db: ['demo'],
  letters: ['demo'],
  runtime: ['demo'],
  server: ['demo', 'db'],
  cli: ['db'],
};
const CORE_FORBIDDEN = /^(node:|fs$|path$|crypto$|pg$|kysely|@electric-sql)/;
/** What the CLI's sources may not import besides @credence/db (the store's drivers: runtime opens the store) … */
const CLI_FORBIDDEN = /^(pg$|pg\/|pg-|kysely|@electric-sql)/;
/** … nor write: SQL statements or Kysely's sql tag. */
const SQL =
  /\b(SELECT\s+[\w*"]|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|CREATE\s+(TABLE|INDEX)|ALTER\s+TABLE|TRUNCATE\s)|\bsql`/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) yield p;
  }
}

const problems = [];
for (const [pkg, allowed] of Object.entries(ALLOWED)) {
  for (const sub of ['src', 'test', 'bench']) {
    let dir;
    try {
      dir = join('packages', pkg, sub);
      statSync(dir);
    } catch {
      continue;
    }
    for (const file of files(dir)) {
      const text = readFileSync(file, 'utf8');
      if (pkg === 'cli' && sub === 'src' && !file.endsWith('.test.ts') && SQL.test(text))
        problems.push(
          `${file}: SQL in the CLI (${SQL.exec(text)?.[0]}): reads and writes are app use cases on the store`,
        );
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const spec = m[1];
        const ws = /^@credence\/([a-z-]+)/.exec(spec);
        const also = sub === 'src' && !file.endsWith('.test.ts') ? [] : (TEST_ALLOWED[pkg] ?? []);
        if (ws && ws[1] !== pkg && !allowed.includes(ws[1]) && !also.includes(ws[1]))
          problems.push(`${file}: ${pkg} may not import @credence/${ws[1]}`);
        if (pkg === 'core' && sub === 'src' && !file.endsWith('.test.ts') && CORE_FORBIDDEN.test(spec))
          problems.push(`${file}: core must stay pure, it imports ${spec}`);
        if (pkg === 'cli' && sub === 'src' && !file.endsWith('.test.ts') && CLI_FORBIDDEN.test(spec))
          problems.push(`${file}: the CLI parses and prints; it opens stores through @credence/runtime, not ${spec}`);
        if (spec.startsWith('.')) {
          const target = relative(resolve('packages', pkg), resolve(dirname(file), spec));
          if (target.startsWith('..'))
            problems.push(`${file}: reaches outside its package by path (${spec}); import @credence/… instead`);
        }
      }
    }
  }
}
if (problems.length) {
  console.error(`Layer rule broken:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('layers ok');
