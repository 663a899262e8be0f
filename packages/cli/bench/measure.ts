import { readFileSync, writeFileSync } from 'node:fs';

/** Wall-clock timing and the figures the benchmark prints. */
export interface Timed<T> {
  readonly value: T;
  readonly ms: number;
}

export async function timed<T>(work: () => Promise<T> | T): Promise<Timed<T>> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/** Runs a query `runs` times: the first (cold) time and the best time. */
export async function repeated<T>(
  runs: number,
  work: () => Promise<T>,
): Promise<{ value: T; first: number; best: number }> {
  const first = await timed(work);
  let best = first.ms;
  for (let i = 1; i < runs; i++) best = Math.min(best, (await timed(work)).ms);
  return { value: first.value, first: first.ms, best };
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const millis = (ms: number): string => (ms >= 10_000 ? seconds(ms) : `${Math.round(ms)} ms`);
export const perSecond = (rows: number, ms: number): string =>
  `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;

export const heapMb = (): number => Math.round(process.memoryUsage().rss / 1e6);

/**
 * Peak resident memory of the process (MB) since the last `resetPeakRss`: Linux's VmHWM from
 * /proc/self/status, else the largest `process.memoryUsage().rss` sampled every 100 ms.
 */
let sampledPeak = 0;
const sampler = setInterval(() => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
}, 100);
sampler.unref();

function vmHwmKb(): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m?.[1] === undefined ? undefined : Number(m[1]);
  } catch {
    return undefined;
  }
}

export function resetPeakRss(): void {
  sampledPeak = process.memoryUsage().rss;
  try {
    // "5" resets the high-water mark of the resident set (Linux ≥ 4.0).
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux, or not allowed: the sampled peak is used.
  }
}

export function peakRssMb(): number {
  const kb = vmHwmKb();
  const sampled = Math.max(sampledPeak, process.memoryUsage().rss);
  return Math.round((kb === undefined ? sampled : Math.max(kb * 1024, sampled)) / 1e6);
}

export function line(label: string, ...cells: string[]): string {
  return `  ${label.padEnd(34)}${cells.join('   ')}`;
}
