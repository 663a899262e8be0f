#!/usr/bin/env node
// The layer rule of docs/ARCHITECTURE.md: which workspace package may import which.
// core imports no workspace package and no IO; nothing imports cli; tests may also use TEST_ALLOWED.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ALLOWED = {
  core: [],
  app: ['core'],
  db: ['core', 'app'],
  letters: ['core', 'app'],
  demo: ['core', 'app'],
  runtime: ['core', 'app', 'db'],
  server: ['core', 'app', 'letters', 'runtime'],
  cli: ['core', 'app', 'db', 'letters', 'demo', 'runtime', 'server'],
  // The browser's workspace talks to the server over HTTP only, through its generated client: no package.
  web: [],
};
/** Packages a package's tests and benchmarks may use besides ALLOWED (test data, a real store). */
const TEST_ALLOWED = {
  db: ['demo'],
  letters: ['demo'],
  runtime: ['demo'],
  server: ['demo', 'db'],
};
const CORE_FORBIDDEN = /^(node:|fs$|path$|crypto$|pg$|kysely|@electric-sql)/;

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
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const spec = m[1];
        const ws = /^@credence\/([a-z-]+)/.exec(spec);
        const also = sub === 'src' && !file.endsWith('.test.ts') ? [] : (TEST_ALLOWED[pkg] ?? []);
        if (ws && ws[1] !== pkg && !allowed.includes(ws[1]) && !also.includes(ws[1]))
          problems.push(`${file}: ${pkg} may not import @credence/${ws[1]}`);
        if (pkg === 'core' && sub === 'src' && !file.endsWith('.test.ts') && CORE_FORBIDDEN.test(spec))
          problems.push(`${file}: core must stay pure, it imports ${spec}`);
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
