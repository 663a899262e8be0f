import { readFile } from 'node:fs/promises';
import { type CashForecastParams, type CurrencyCode, parseCashForecastParams, renderTable } from '@credence/core';
import { operatorFrom } from '@credence/runtime';
import type { Command } from 'commander';
import { CliError, type Io, withExistingStore, withStore } from '../context';
import { EXIT } from '../exit-codes';
import { asCurrency, asDate, asFormat, asPositiveInt } from '../options';
import { emit } from './register-report';

// The cash forecast reads insurance claims (their policy is a Zod schema): loaded only when it runs.
const useCases = () => import('@credence/app/cash-forecast');
const json = (x: unknown) => JSON.stringify(x, null, 2);
const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)} %`);

async function readParams(path: string | undefined): Promise<CashForecastParams | undefined> {
  if (path === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`, EXIT.usage);
  }
  const p = parseCashForecastParams(raw);
  if (!p.ok) throw new CliError(`${path}: ${JSON.stringify(p.error.params)}`, EXIT.usage);
  return p.value;
}

function asGrouping(v: string): 'buyer' | 'currency' | 'week' {
  if (v === 'buyer' || v === 'currency' || v === 'week') return v;
  throw new CliError(`--by: expected buyer, currency or week, not ${v}`, EXIT.usage);
}

type ForecastJson = ReturnType<Awaited<ReturnType<typeof useCases>>['cashForecastJson']>;

function forecastText(j: ForecastJson): string {
  const rows = [...j.weeks, ...j.months].map((p) => [
    p.label,
    p.start,
    p.low,
    p.mid,
    p.high,
    p.sources?.promise ?? '',
    p.sources?.plan ?? '',
    p.sources?.predicted ?? '',
    p.sources?.indemnity ?? '',
  ]);
  const table = renderTable(
    [
      { header: 'Period' },
      { header: 'From' },
      { header: 'Low', align: 'right' },
      { header: 'Mid', align: 'right' },
      { header: 'High', align: 'right' },
      { header: 'Promises', align: 'right' },
      { header: 'Plans', align: 'right' },
      { header: 'Predicted', align: 'right' },
      { header: 'Indemnities', align: 'right' },
    ],
    rows,
  );
  const groups = (j.groups ?? []).map(
    (g) => `  ${g.key}: ${g.expected} (next 13 weeks ${g.weeks.reduce((s, w) => s + Number(w.mid), 0).toFixed(2)})`,
  );
  return [
    `Cash forecast as of ${j.asOf} (${j.currency}, dates by ${j.method === 'model' ? 'the stored model' : 'the baseline'})`,
    table,
    `Later: ${j.beyond}   Expected in all: ${j.expected}${j.stored !== undefined ? `   (kept as run ${j.stored})` : ''}`,
    ...(groups.length > 0 ? ['', 'Expected in all per group:', ...groups] : []),
  ].join('\n');
}

/** `credence forecast cash` and `forecast accuracy` (docs/domain/cash-forecast.md). */
export function registerCashForecastCommands(forecast: Command, io: Io, state: { exitCode: number }): void {
  forecast
    .command('cash')
    .description('expected collections per ISO week (13) and month after, with low / mid / high bands')
    .option('--as-of <date>', 'the date (default: today)', asDate)
    .option('--weeks <n>', 'ISO weeks (default 13)', asPositiveInt)
    .option('--months <n>', 'calendar months after the weeks (default 3)', asPositiveInt)
    .option('--by <what>', 'buyer, currency or week (the totals, default)', asGrouping)
    .option('--currency <code>', 'reporting currency (default: the ledger’s one currency)', asCurrency)
    .option('--params <file>', 'collection probabilities as JSON (docs/domain/cash-forecast.md)')
    .option('--no-keep', 'do not store the run (forecast against actual reads the stored runs)')
    .option('--backtest', 'replay the forecast as of --from … --to and report the accuracy per week ahead')
    .option('--from <date>', 'backtest: first as-of date', asDate)
    .option('--to <date>', 'backtest: last as-of date', asDate)
    .option('--step <days>', 'backtest: days between as-of dates (default 7)', asPositiveInt)
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const params = await readParams(o.params);
      const uc = await useCases();
      const common = {
        ...(o.weeks !== undefined ? { weeks: o.weeks } : {}),
        ...(o.currency !== undefined ? { currency: o.currency as CurrencyCode } : {}),
        ...(params !== undefined ? { params } : {}),
      };
      if (o.backtest) {
        if (o.from === undefined || o.to === undefined)
          throw new CliError('--backtest needs --from and --to', EXIT.usage);
        const r = await withExistingStore(o, io, (s) =>
          uc.backtestCashForecast(s, {
            from: o.from,
            to: o.to,
            until: io.clock.today(),
            ...(o.step !== undefined ? { step: o.step } : {}),
            ...common,
          }),
        );
        if (!r.ok) return emit(io, state, r);
        const j = uc.cashBacktestJson(r.value);
        const text =
          o.format === 'json'
            ? json(j)
            : `Cash forecast backtest: ${j.runs} as-of dates ${j.from} … ${j.to} every ${j.step} days (${j.currency}, ${j.method})\n${renderTable(
                [
                  { header: 'Week ahead', align: 'right' },
                  { header: 'Scored', align: 'right' },
                  { header: 'Forecast', align: 'right' },
                  { header: 'Actual', align: 'right' },
                  { header: 'WAPE', align: 'right' },
                  { header: 'In band', align: 'right' },
                ],
                j.horizons.map((h) => [
                  String(h.week),
                  String(h.scored),
                  h.forecast,
                  h.actual,
                  pct(h.wape),
                  pct(h.withinBand),
                ]),
              )}\nAll weeks: WAPE ${pct(j.wape)}, in band ${pct(j.withinBand)}`;
        return emit(io, state, { ok: true, text });
      }
      const q = {
        asOf: o.asOf ?? io.clock.today(),
        ...(o.months !== undefined ? { months: o.months } : {}),
        ...(o.by !== undefined ? { by: o.by } : {}),
        ...common,
      };
      const by = operatorFrom(io.session?.operator, io.env);
      const r = o.keep
        ? await withStore(o, io, (s) => uc.runCashForecast(s, q, by))
        : await withExistingStore(o, io, (s) => uc.forecastCash(s, q));
      if (!r.ok) return emit(io, state, r);
      const j = uc.cashForecastJson(r.value);
      emit(io, state, { ok: true, text: o.format === 'json' ? json(j) : forecastText(j) });
    });
  forecast
    .command('accuracy')
    .description('the stored cash forecasts against the payments received, for every week over')
    .option('--as-of <date>', 'weeks over by this date (default: today)', asDate)
    .option('--currency <code>', 'the forecasts in this currency (default: the last run’s)', asCurrency)
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const uc = await useCases();
      const r = await withExistingStore(o, io, (s) =>
        uc.cashForecastAccuracy(s, {
          asOf: o.asOf ?? io.clock.today(),
          ...(o.currency !== undefined ? { currency: o.currency } : {}),
        }),
      );
      if (!r.ok) return emit(io, state, r);
      const j = uc.cashAccuracyJson(r.value);
      const text =
        o.format === 'json'
          ? json(j)
          : j.weeks.length === 0
            ? `No week over by ${j.asOf} was forecast (run \`credence forecast cash\` first)`
            : `Cash forecast against actual as of ${j.asOf} (${j.currency})\n${renderTable(
                [
                  { header: 'Week' },
                  { header: 'Forecast of' },
                  { header: 'Low', align: 'right' },
                  { header: 'Mid', align: 'right' },
                  { header: 'High', align: 'right' },
                  { header: 'Actual', align: 'right' },
                  { header: 'Error', align: 'right' },
                  { header: 'In band' },
                ],
                j.weeks.map((w) => [
                  w.label,
                  w.forecastAsOf,
                  w.low,
                  w.mid,
                  w.high,
                  w.actual,
                  w.error,
                  w.withinBand ? 'yes' : 'no',
                ]),
              )}\nWAPE ${pct(j.wape)}, in band ${pct(j.withinBand)}`;
      emit(io, state, { ok: true, text });
    });
}
