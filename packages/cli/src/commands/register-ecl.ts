import { readFileSync } from 'node:fs';
import { ECL_SEGMENT_BY, type EclResult, type EclSegmentBy, eclJson, reportEcl } from '@credence/app';
import {
  type CurrencyCode,
  type EclTerms,
  type Fraction,
  fractionText,
  parseEclTerms,
  parseFraction,
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

/** `--by`: checked in the action, since the program's own `--by <name>` (who records) hands it over unparsed. */
function asSegmentBy(value: string): EclSegmentBy {
  const v = value.trim().toLowerCase();
  if (!(ECL_SEGMENT_BY as readonly string[]).includes(v))
    throw new CliError(`--by: choose ${ECL_SEGMENT_BY.join(', ')} (not ${value})`, 2);
  return v as EclSegmentBy;
}

function readRates(file: string): EclTerms {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(`${file}: ${(e as Error).message}`, 2);
  }
  const parsed = parseEclTerms(json);
  if (!parsed.ok)
    throw new CliError(
      `${file}: expected {"rates": {"<bucket>": "<rate>", …}, "segments"?: {…}} (${JSON.stringify(parsed.error.params)})`,
      2,
    );
  return parsed.value;
}

const amount = (a: bigint, c: CurrencyCode) => toDecimalString({ amount: a, currency: c });

function eclText(r: EclResult): string {
  // The insured column only when a policy insures part of the receivables.
  const insured = r.buckets.some((b) => b.insured !== undefined);
  const table = renderTable(
    [
      { header: 'Bucket' },
      { header: 'Exposure', align: 'right' },
      ...(insured ? [{ header: 'Insured', align: 'right' as const }] : []),
      { header: 'Loss rate', align: 'right' },
      { header: 'Provision', align: 'right' },
    ],
    [
      ...r.buckets.map((b) => [
        b.label,
        amount(b.exposure, r.currency),
        ...(insured ? [amount(b.insured ?? 0n, r.currency)] : []),
        percentText(b.lossRate),
        amount(b.provision, r.currency),
      ]),
      ['Total', '', ...(insured ? [''] : []), '', amount(r.total, r.currency)],
    ],
  );
  const how = r.rates.source === 'given' ? 'given rates' : `rates from roll rates over ${r.rates.months} months`;
  const compare =
    r.compare === undefined
      ? ''
      : `\nAs of ${r.compare.asOf}: ${amount(r.compare.total, r.currency)}; movement ${amount(r.compare.movement, r.currency)}`;
  const segments =
    r.segments === undefined
      ? ''
      : `\n${renderTable(
          [
            { header: 'Segment' },
            { header: 'Exposure', align: 'right' },
            { header: 'Factor', align: 'right' },
            { header: 'Rates' },
            { header: 'Provision', align: 'right' },
          ],
          r.segments.map((x) => [
            x.segment,
            amount(
              x.buckets.reduce((t, b) => t + b.exposure, 0n),
              r.currency,
            ),
            fractionText(x.factor),
            x.rates.source,
            amount(x.total, r.currency),
          ]),
        )}`;
  return `Expected credit loss as of ${r.asOf} (${r.currency}, ${how})\n${table}${segments}${compare}`;
}

export function registerEclReport(report: Command, io: Io, state: { exitCode: number }): void {
  report
    .command('ecl')
    .description('lifetime expected credit loss by a provision matrix (IFRS 9 simplified approach)')
    .option('--as-of <date>', 'the date (default: today)', asDate)
    .option(
      '--rates <file>',
      'loss rate per bucket: {"rates": {"not_due": "0.3%", …}, "segments": {"CN": {"rates": {…}, "factor": "1.2"}}} (default: roll rates)',
    )
    .option('--by <segment>', `a provision matrix per segment: ${ECL_SEGMENT_BY.join(', ')}`)
    .option('--months <n>', 'months of history for the roll rates (default 12)', asPositiveInt)
    .option('--factor <x>', 'forward-looking factor on every rate (default 1)', asRate)
    .option('--compare <date>', 'also as of this date, and the movement', asDate)
    .option('--buckets <days>', 'upper bounds of the overdue buckets (default 30,60,90)', asBounds)
    .option('--currency <code>', 'reporting currency (needs FX rates; default: the ledger’s one currency)', asCurrency)
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const terms = o.rates !== undefined ? readRates(o.rates) : undefined;
      const by = o.by !== undefined ? asSegmentBy(String(o.by)) : undefined;
      if (terms?.segments !== undefined && by === undefined)
        throw new CliError(`${o.rates}: "segments" needs --by (${ECL_SEGMENT_BY.join(', ')})`, 2);
      const r = await withExistingStore(o, io, (s) =>
        reportEcl(s, {
          asOf: o.asOf ?? io.clock.today(),
          ...(terms?.rates !== undefined ? { rates: terms.rates } : {}),
          ...(terms?.segments !== undefined ? { segments: terms.segments } : {}),
          ...(by !== undefined ? { by } : {}),
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
