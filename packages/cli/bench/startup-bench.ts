// `npm run bench:startup`: how long the installed `credence` takes to answer, as a separate process each time,
// the way a script calls it. Builds the current sources first (scripts/build.mjs), makes the small demo
// database once (.bench/startup-demo), then runs each command N times and prints the median, min and max
// wall-clock time, and the median CPU time (user + system) the process reports at exit. docs/benchmarks.md.
//
//   npm run bench:startup -- [--runs 10] [--dir .bench] [--dev-runs 3]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/cli/bin/credence.js');

const flag = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const n = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
  return n;
};
const dirFlag = process.argv.indexOf('--dir');
const benchDir = resolve(root, dirFlag < 0 ? '.bench' : (process.argv[dirFlag + 1] ?? '.bench'));
const runs = flag('runs', 10);
const devRuns = flag('dev-runs', 3);

// The child reports its own CPU time at exit on fd 3 (also when the CLI ends with process.exit).
const REPORT_CPU = `data:text/javascript,${encodeURIComponent(
  "import{writeSync}from'node:fs';process.on('exit',()=>{const u=process.cpuUsage();writeSync(3,String((u.user+u.system)/1000))})",
)}`;

interface Run {
  readonly wallMs: number;
  readonly cpuMs: number;
}

function once(args: readonly string[], env: NodeJS.ProcessEnv, command?: string): Run {
  const start = performance.now();
  const r = command
    ? spawnSync(command, args, { cwd: benchDir, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    : spawnSync(process.execPath, ['--import', REPORT_CPU, ...args], {
        cwd: benchDir,
        env,
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      });
  const wallMs = performance.now() - start;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wallMs, cpuMs: command ? Number.NaN : Number(r.output[3] ?? Number.NaN) };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

interface Figure {
  readonly label: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly cpuMedianMs: number;
}

function measure(
  label: string,
  args: readonly string[],
  n: number,
  extraEnv: NodeJS.ProcessEnv = {},
  command?: string,
): Figure {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...extraEnv }; // no DATABASE_URL
  once(args, env, command); // warm the file cache
  const all = Array.from({ length: n }, () => once(args, env, command));
  const wall = all.map((r) => r.wallMs);
  const f: Figure = {
    label,
    runs: n,
    medianMs: median(wall),
    minMs: Math.min(...wall),
    maxMs: Math.max(...wall),
    cpuMedianMs: median(all.map((r) => r.cpuMs)),
  };
  const ms = (x: number) => `${Math.round(x)} ms`.padStart(8);
  console.log(
    `  ${label.padEnd(52)}${ms(f.medianMs)}  (min ${ms(f.minMs).trim()}, max ${ms(f.maxMs).trim()})   ${Number.isNaN(f.cpuMedianMs) ? '' : `CPU ${ms(f.cpuMedianMs).trim()}`}`,
  );
  return f;
}

mkdirSync(benchDir, { recursive: true });
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('the build failed');
const demo = join(benchDir, 'startup-demo');
const db = join(demo, 'db');
if (!existsSync(join(db, 'PG_VERSION'))) {
  console.log(`Making the small demo database in ${demo} (once) …`);
  const r = spawnSync(
    process.execPath,
    [bin, 'demo', '--size', 'small', '--seed', '42', '--as-of', '2026-06-30', '--dir', demo],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { PATH: process.env.PATH ?? '' } },
  );
  if (r.status !== 0) throw new Error('credence demo failed');
}

console.log(
  `\nStart-up, median of ${runs} runs (Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}):`,
);
const figures = [
  measure('node -e "" (the floor: Node itself)', ['-e', ''], runs),
  measure('credence --version', [bin, '--version'], runs),
  measure('npx credence --version (npx adds its own start)', ['credence', '--version'], runs, {}, 'npx'),
  measure('credence buyer list (small demo, PGlite)', [bin, 'buyer', 'list', '--db', db], runs),
  ...(devRuns > 0
    ? [
        measure('credence --version from sources (CREDENCE_DEV=1)', [bin, '--version'], devRuns, { CREDENCE_DEV: '1' }),
        measure('credence buyer list from sources (CREDENCE_DEV=1)', [bin, 'buyer', 'list', '--db', db], devRuns, {
          CREDENCE_DEV: '1',
        }),
      ]
    : []),
];
const file = join(benchDir, 'startup-results.json');
writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), loadavg: loadavg(), figures }, null, 2)}\n`);
console.log(`\nWritten to ${file}`);
