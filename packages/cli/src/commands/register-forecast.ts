import { backtestJson, backtestPaymentForecast, trainPaymentForecast } from '@credence/app';
import { type Backtest, renderTable } from '@credence/core';
import type { Command } from 'commander';
import { type Io, withExistingStore, withStore } from '../context';
import { asDate, asFormat, asName } from '../options';
import { registerCashForecastCommands } from './register-cash-forecast';
import { emit } from './register-report';

function backtestText(b: Backtest): string {
  const settled = b.invoices.filter((i) => i.actualPayDate !== null).length;
  const head = [
    `Payment-date backtest: trained on the ledger as of ${b.trainedUntil}`,
    `Invoices predicted: ${b.invoices.length} (${settled} paid so far)`,
    `RMSE of the days to settle: ${b.rmseDays === null ? '-' : b.rmseDays.toFixed(2)}`,
    `Late / on time predicted right: ${b.lateAccuracy === null ? '-' : `${(b.lateAccuracy * 100).toFixed(1)} %`}`,
  ].join('\n');
  const rows = b.invoices
    .slice(0, 20)
    .map((i) => [i.number, i.issueDate, i.dueDate, i.predictedPayDate, i.actualPayDate ?? '']);
  const table = renderTable(
    [{ header: 'Invoice' }, { header: 'Issued' }, { header: 'Due' }, { header: 'Predicted' }, { header: 'Paid' }],
    rows,
  );
  return `${head}\n\n${table}${b.invoices.length > 20 ? `\n… ${b.invoices.length - 20} more (--format json for all)` : ''}`;
}

export function registerForecastCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const forecast = program
    .command('forecast')
    .description('payment-date prediction learned from the ledger (docs/domain/payment-forecast.md)');
  forecast
    .command('train')
    .description('train the payment-date model on the ledger as of a date and store it')
    .requiredOption('--until <date>', 'train on invoices issued and paid by this date', asDate)
    .requiredOption('--by <name>', 'who trains', asName)
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const r = await withStore(o, io, (s) => trainPaymentForecast(s, o.until, o.by));
      emit(
        io,
        state,
        r.ok
          ? {
              ok: true,
              text: `Payment-date model ${r.value.id} trained on ${r.value.rows} paid invoices as of ${r.value.trainedUntil}`,
            }
          : r,
      );
    });
  forecast
    .command('backtest')
    .description('train as of --train-until and predict every invoice issued after it, each as of its issue date')
    .requiredOption('--train-until <date>', 'train on the ledger as of this date', asDate)
    .option('--to <date>', 'predict invoices issued up to this date (default: all)', asDate)
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const r = await withExistingStore(o, io, (s) => backtestPaymentForecast(s, o.trainUntil, o.to, io.clock.today()));
      emit(
        io,
        state,
        r.ok
          ? {
              ok: true,
              text: o.format === 'json' ? JSON.stringify(backtestJson(r.value), null, 2) : backtestText(r.value),
            }
          : r,
      );
    });
  registerCashForecastCommands(forecast, io, state);
}
