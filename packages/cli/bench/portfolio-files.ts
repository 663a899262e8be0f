import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type PortfolioFiles, planPortfolio, writePortfolioCsv } from '@credence/demo';
import type { BenchArgs } from './args';
import { line, perSecond, seconds, timed } from './measure';

/** The benchmark portfolio as the four CSV files in `.bench/data-…/`: generated once, reused after. */
export async function portfolioFiles(
  args: Pick<BenchArgs, 'dir' | 'seed' | 'buyers' | 'invoices' | 'endDate'>,
  out: (s: string) => void,
): Promise<PortfolioFiles> {
  const dir = resolve(args.dir, `data-s${args.seed}-b${args.buyers}-i${args.invoices}-${args.endDate}`);
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    out(`Reusing generated files in ${dir}`);
    return JSON.parse(readFileSync(manifest, 'utf8')) as PortfolioFiles;
  }
  mkdirSync(dir, { recursive: true });
  const plan = planPortfolio({
    seed: args.seed,
    size: { buyers: args.buyers, invoices: args.invoices },
    endDate: args.endDate,
  });
  const t = await timed(() => writePortfolioCsv(dir, plan));
  const c = t.value.counts;
  out(`Generated into ${dir}`);
  out(line('generate + write CSV', seconds(t.ms), perSecond(c.documents + c.payments, t.ms)));
  out(line('rows', `${c.buyers} buyers, ${c.documents} documents, ${c.payments} payments, ${c.fxRates} FX rates`));
  writeFileSync(manifest, JSON.stringify(t.value, null, 2));
  return t.value;
}
