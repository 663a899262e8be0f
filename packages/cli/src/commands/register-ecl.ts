import { readFileSync } from 'node:fs';
import { type EclResult, eclJson, reportEcl } from '@credence/app';
import {
  type CurrencyCode,
  type Fraction,
  parseFraction,
  parseRatesFile,
  percentText,
  renderTable,
  toDecimalString,
} from '@credence/core';
import type { Command } from 'commander';
import { CliError, type Io, withExistingStore } from '../context';
import { asBounds, asCurrency, asDate, asFormat, asPositiveInt } from '../options';
import { emit } from './register-report';

function asRate(value: string): Fraction {
  const f = parseFraction(value);
  if (!f.ok) throw new CliError(`not a rate: ${value}`, 2);
  return f.value;
}

function readRates(file: string): Record<string, Fraction> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(`${file}: ${(e as Error).message}`, 2);
  }
  const parsed = parseRatesFile(json);
  if (!parsed.ok)
    throw new CliError(
      `${file}: expected {"rates": {"<bucket>": "<rate>", …}} (${JSON.stringify(parsed.error.params)})`,
      2,
    );
  return parsed.value;
}

const amount = (a: bigint, c: CurrencyCode) => toDecimalString({ amount: a, currency: c });

function eclText(r: EclResult): string {
  const table = renderTable(
    [
      { header: 'Bucket' },
      { header: 'Exposure', align: 'right' },
      { header: 'Loss rate', align: 'right' },
      { header: 'Provision', align: 'right' },
    ],
    [
      ...r.buckets.map((b) => [
        b.label,
        amount(b.exposure, r.currency),
        percentText(b.lossRate),
        amount(b.provision, r.currency),
      ]),
      ['Total', '', '', amount(r.total, r.currency)],
    ],
  );
  const how = r.rates.source === 'given' ? 'given rates' : `rates from roll rates over ${r.rates.months} months`;
  const compare =
    r.compare === undefined
      ? ''
      : `\nAs of ${r.compare.asOf}: ${amount(r.compare.total, r.currency)}; movement ${amount(r.compare.movement, r.currency)}`;
  return `Expected credit loss as of ${r.asOf} (${r.currency}, ${how})\n${table}${compare}`;
}

export function registerEclReport(report: Command, io: Io, state: { exitCode: number }): void {
  report
    .command('ecl')
    .description('lifetime expected credit loss by a provision matrix (IFRS 9 simplified approach)')
    .option('--as-of <date>', 'the date (default: today)', asDate)
    .option('--rates <file>', 'loss rate per bucket: {"rates": {"not_due": "0.3%", …}} (default: roll rates)')
    .option('--months <n>', 'months of history for the roll rates (default 12)', asPositiveInt)
    .option('--factor <x>', 'forward-looking factor on every rate (default 1)', asRate)
    .option('--compare <date>', 'also as of this date, and the movement', asDate)
    .option('--buckets <days>', 'upper bounds of the overdue buckets (default 30,60,90)', asBounds)
    .option('--currency <code>', 'reporting currency (needs FX rates; default: the ledger’s one currency)', asCurrency)
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const rates = o.rates !== undefined ? readRates(o.rates) : undefined;
      const r = await withExistingStore(o, io, (s) =>
        reportEcl(s, {
          asOf: o.asOf ?? io.clock.today(),
          ...(rates !== undefined ? { rates } : {}),
          ...(o.months !== undefined ? { months: o.months } : {}),
          ...(o.factor !== undefined ? { factor: o.factor } : {}),
          ...(o.compare !== undefined ? { compare: o.compare } : {}),
          ...(o.buckets !== undefined ? { bounds: o.buckets } : {}),
          ...(o.currency !== undefined ? { reportingCurrency: o.currency } : {}),
        }),
      );
      emit(
        io,
        state,
        r.ok
          ? { ok: true, text: o.format === 'json' ? JSON.stringify(eclJson(r.value), null, 2) : eclText(r.value) }
          : r,
      );
    });
}
