import { createRequire } from 'node:module';
import type { ReadProgress } from '@credence/files';
import type CliProgress from 'cli-progress';

export interface Progress {
  readonly update: (p: ReadProgress) => void;
  readonly stop: () => void;
}

/**
 * A progress bar on stderr, only when stderr is a terminal (never in pipes, files or CI logs),
 * so stdout stays clean for `--format json`.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => {}, stop: () => {} };
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof CliProgress; // only on a terminal
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {percentage}% | {rows} rows`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      if (!started) {
        bar.start(p.total, p.done, { rows: p.rows });
        started = true;
      } else {
        bar.setTotal(p.total);
        bar.update(p.done, { rows: p.rows });
      }
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
