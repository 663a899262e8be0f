import { calculateInterest } from '@credence/app';
import {
  type BusinessDate,
  type ContractRate,
  type CurrencyCode,
  decimalToString,
  parseDate,
  parseDecimal,
  parseMoney,
  type Regime,
} from '@credence/core';
import { readRates } from '@credence/runtime';
import { type Command, InvalidArgumentError } from 'commander';
import { CliError, type Io } from '../context';
import { describe, EXIT, exitCodeOf } from '../exit-codes';
import { dec } from '../format/money';
import { asCurrency, asDate, asFormat } from '../options';

const REGIMES: readonly Regime[] = ['eu', 'uk', 'de-b2b', 'de-consumer', 'fr', 'cn', 'contract'];

const asRegime = (v: string): Regime => {
  if ((REGIMES as readonly string[]).includes(v)) return v as Regime;
  throw new InvalidArgumentError(`choose one of ${REGIMES.join(', ')}.`);
};

/** `0.1%/day` or `12%/year`. */
const asRate = (v: string): ContractRate => {
  const m = /^(\d+(?:\.\d+)?)%\/(day|year)$/.exec(v.trim());
  const d = m ? parseDecimal(m[1] ?? '') : undefined;
  if (!m || !d?.ok) throw new InvalidArgumentError('a rate like 0.1%/day or 12%/year.');
  return { percent: d.value, per: m[2] as 'day' | 'year' };
};

const collect = (v: string, prev: string[]) => [...prev, v];

export function registerInterestCommands(program: Command, io: Io, state: { exitCode: number }): void {
  program
    .command('interest')
    .description('statutory late-payment interest and compensation (docs/domain/late-interest.md)')
    .command('calc')
    .description('interest and fixed compensation on one invoice paid late')
    .requiredOption('--regime <regime>', REGIMES.join(' | '), asRegime)
    .requiredOption('--principal <amount>', 'invoice amount, e.g. 18000.00')
    .requiredOption('--currency <code>', 'ISO 4217 currency', asCurrency)
    .requiredOption('--due <date>', 'due date', asDate)
    .option('--paid <date>', 'the whole remaining principal paid on this date', asDate)
    .option('--payment <date=amount>', 'a partial payment (repeat)', collect, [])
    .option('--rate <rate>', 'contractual rate: 0.1%/day or 12%/year (required for --regime contract)', asRate)
    .option('--rates <file>', 'reference-rate tables JSON (default: the shipped ones)')
    .option('--format <format>', 'table or json', asFormat, 'table')
    .action(async (o) => {
      const currency = o.currency as CurrencyCode;
      const money = (text: string) => {
        const m = parseMoney(text, currency);
        if (!m.ok) throw new CliError(`"${text}" is not an amount in ${currency}`, EXIT.usage);
        return m.value.amount;
      };
      const payments = (o.payment as string[]).map((p) => {
        const [day = '', amount = ''] = p.split('=');
        const date = parseDate(day);
        if (!date.ok) throw new CliError(`--payment ${p}: expected DATE=AMOUNT, e.g. 2025-09-30=2000.00`, EXIT.usage);
        return { date: date.value, amount: money(amount) };
      });
      const r = calculateInterest(
        {
          regime: o.regime,
          principal: money(o.principal),
          currency,
          due: o.due as BusinessDate,
          payments,
          ...(o.paid ? { paid: o.paid } : {}),
          ...(o.rate ? { rate: o.rate } : {}),
        },
        await readRates(o.rates),
      );
      if (!r.ok) {
        io.err(`credence: ${describe(r.error)}`);
        state.exitCode = exitCodeOf(r.error);
        return;
      }
      const v = r.value;
      const periods = v.periods.map((p) => ({
        from: p.from,
        to: p.to,
        days: p.days,
        ratePercent: decimalToString(p.ratePercent),
        ...(p.per === 'day' ? { per: 'day' } : {}),
        base: dec(p.base, currency),
      }));
      if (o.format === 'json') {
        io.out(
          JSON.stringify(
            {
              currency,
              interest: dec(v.interest, currency),
              compensation: dec(v.compensation, currency),
              total: dec(v.total, currency),
              periods,
            },
            null,
            2,
          ),
        );
        return;
      }
      for (const p of periods)
        io.out(
          `${p.from} … ${p.to}  ${String(p.days).padStart(4)} days at ${p.ratePercent} %${p.per ? '/day' : '/year'} on ${currency} ${p.base}`,
        );
      io.out(`Interest      ${currency} ${dec(v.interest, currency)}`);
      io.out(`Compensation  ${currency} ${dec(v.compensation, currency)}`);
      io.out(`Total         ${currency} ${dec(v.total, currency)}`);
    });
}
