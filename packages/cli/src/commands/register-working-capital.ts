import { readFileSync } from 'node:fs';
import { reportWorkingCapital, setWorkingCapital, workingCapitalJson } from '@credence/app';
import {
  type CurrencyCode,
  parseMoney,
  parseYearMonth,
  renderTable,
  type WorkingCapitalFigures,
  type YearMonth,
} from '@credence/core';
import type { Command } from 'commander';
import { CliError, type Io, withExistingStore, withStore } from '../context';
import { EXIT } from '../exit-codes';
import { asCurrency, asFormat, asName } from '../options';
import { emit } from './register-report';

function asMonth(value: string): YearMonth {
  const m = parseYearMonth(value);
  if (!m.ok) throw new CliError(`not a month (YYYY-MM): ${value}`, EXIT.usage);
  return m.value;
}

function amountOf(text: string, currency: CurrencyCode, what: string): bigint {
  const m = parseMoney(text, currency);
  if (!m.ok || m.value.amount < 0n)
    throw new CliError(`${what}: "${text}" is not an amount of zero or more in ${currency}`, EXIT.usage);
  return m.value.amount;
}

/** The figure names, as options (`--cost-of-sales`) and as CSV columns (`cost_of_sales`). */
const FIGURES = [
  ['cash', 'cash', true],
  ['receivables', 'receivables', false],
  ['inventory', 'inventory', true],
  ['payables', 'payables', true],
  ['otherCurrentAssets', 'other_current_assets', false],
  ['otherCurrentLiabilities', 'other_current_liabilities', false],
  ['sales', 'sales', true],
  ['costOfSales', 'cost_of_sales', true],
] as const;

function figuresOf(
  month: YearMonth,
  currency: CurrencyCode,
  get: (key: string, column: string) => string | undefined,
  where: string,
): WorkingCapitalFigures {
  const out: Record<string, bigint> = {};
  for (const [key, column, required] of FIGURES) {
    const v = get(key, column)?.trim();
    if (v === undefined || v === '') {
      if (required) throw new CliError(`${where}: ${column} is missing`, EXIT.usage);
      if (key !== 'receivables') out[key] = 0n;
      continue;
    }
    out[key] = amountOf(v, currency, `${where}: ${column}`);
  }
  return { month, currency, ...out } as unknown as WorkingCapitalFigures;
}

/** A small CSV: header `month,currency,cash,receivables,inventory,payables,…`, one month a line, no quoting. */
function readFiguresCsv(file: string): WorkingCapitalFigures[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new CliError(`${file}: ${(e as Error).message}`, EXIT.usage);
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  for (const need of ['month', 'currency']) {
    if (!header.includes(need)) throw new CliError(`${file}: the header has no ${need} column`, EXIT.usage);
  }
  return lines.slice(1).map((line, i) => {
    const cells = line.split(',');
    const get = (column: string) => {
      const k = header.indexOf(column);
      return k < 0 ? undefined : cells[k];
    };
    const where = `${file} line ${i + 2}`;
    const month = parseYearMonth(get('month') ?? '');
    if (!month.ok) throw new CliError(`${where}: month is not YYYY-MM`, EXIT.usage);
    return figuresOf(month.value, asCurrency((get('currency') ?? '').trim()), (_, c) => get(c), where);
  });
}

function wcText(r: ReturnType<typeof workingCapitalJson>): string {
  const v = (x: string | null) => x ?? '-';
  const table = renderTable(
    [
      { header: 'Month' },
      { header: 'Receivables', align: 'right' },
      { header: 'WC', align: 'right' },
      { header: 'WCR', align: 'right' },
      { header: 'Current', align: 'right' },
      { header: 'Quick', align: 'right' },
      { header: 'Cash', align: 'right' },
      { header: 'DSO', align: 'right' },
      { header: 'DIO', align: 'right' },
      { header: 'DPO', align: 'right' },
      { header: 'CCC', align: 'right' },
    ],
    r.months.map((m) => [
      m.month,
      `${m.receivables}${m.receivablesFrom === 'ledger' ? ' (ledger)' : ''}`,
      m.workingCapital,
      m.workingCapitalRequirement,
      v(m.currentRatio),
      v(m.quickRatio),
      v(m.cashRatio),
      v(m.dso),
      v(m.dio),
      v(m.dpo),
      v(m.cashConversionCycle),
    ]),
  );
  const trend = r.trend.map((t) => `  ${t.figure}: ${t.first} → ${t.last} (${t.change}, ${t.direction})`).join('\n');
  const missing = r.missing.length > 0 ? `\nNo figures for ${r.missing.join(', ')}` : '';
  return `Working capital ${r.from} … ${r.to}${r.currency ? ` (${r.currency})` : ''}\n${table}${missing}${trend ? `\nTrend, first to last month:\n${trend}` : ''}`;
}

export function registerWorkingCapitalReport(report: Command, io: Io, state: { exitCode: number }): void {
  report
    .command('working-capital')
    .description("the seller's own working-capital ratios month by month, and their trend")
    .requiredOption('--from <month>', 'first month (YYYY-MM)', asMonth)
    .requiredOption('--to <month>', 'last month (YYYY-MM)', asMonth)
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const r = await withExistingStore(o, io, (s) => reportWorkingCapital(s, o.from, o.to));
      if (!r.ok) return emit(io, state, r);
      const json = workingCapitalJson(r.value);
      emit(io, state, { ok: true, text: o.format === 'json' ? JSON.stringify(json, null, 2) : wcText(json) });
    });
}

export function registerWorkingCapitalCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const wc = program
    .command('wc')
    .description("the seller's own working-capital figures per month (docs/domain/working-capital.md)");
  wc.command('set')
    .description("store a month's figures (a new version; the latest is in force)")
    .requiredOption('--month <month>', 'the month (YYYY-MM)', asMonth)
    .requiredOption('--currency <code>', 'currency of the figures', asCurrency)
    .requiredOption('--cash <amount>', 'cash at the month end')
    .option('--receivables <amount>', "trade receivables (default: the ledger's open receivables)")
    .requiredOption('--inventory <amount>', 'inventory at the month end')
    .requiredOption('--payables <amount>', 'trade payables at the month end')
    .option('--other-current-assets <amount>', 'other current assets (default 0)')
    .option('--other-current-liabilities <amount>', 'other current liabilities (default 0)')
    .requiredOption('--sales <amount>', "the month's sales")
    .requiredOption('--cost-of-sales <amount>', "the month's cost of sales")
    .requiredOption('--by <name>', 'who enters them', asName)
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const f = figuresOf(o.month, o.currency, (key) => o[key] as string | undefined, 'wc set');
      const r = await withStore(o, io, (s) => setWorkingCapital(s, f, o.by));
      emit(io, state, r.ok ? { ok: true, text: `Working capital ${r.value.month} stored (version ${r.value.id})` } : r);
    });
  wc.command('import')
    .description('store the months of a CSV file (month,currency,cash,receivables,inventory,payables,…)')
    .argument('<file>', 'the CSV file')
    .requiredOption('--by <name>', 'who enters them', asName)
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (file: string, o) => {
      const months = readFiguresCsv(file);
      const r = await withStore(o, io, async (s) => {
        const out = [];
        for (const f of months) {
          const one = await setWorkingCapital(s, f, o.by);
          if (!one.ok) return one;
          out.push(one.value);
        }
        return { ok: true as const, value: out };
      });
      emit(
        io,
        state,
        r.ok ? { ok: true, text: `Working capital stored for ${r.value.map((v) => v.month).join(', ')}` } : r,
      );
    });
}
