import { readFileSync } from 'node:fs';
import type { simulationJson } from '@credence/app/simulate';
import { renderTable } from '@credence/core';
import type { Command } from 'commander';
import { CliError, type Io, withExistingStore } from '../context';
import { EXIT } from '../exit-codes';
import { asDate, asFormat } from '../options';
import { emit } from './register-report';

/** The simulator and its Zod scenario schema are loaded when the command runs, not at the CLI's start. */
async function readScenario(file: string) {
  const { parseScenario } = await import('@credence/core/simulate');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(`${file}: ${(e as Error).message}`, EXIT.usage);
  }
  const s = parseScenario(json);
  if (!s.ok)
    throw new CliError(`${file}: ${s.error.params.field ?? ''} ${s.error.params.reason ?? s.error.code}`, EXIT.usage);
  return s.value;
}

function simulationText(j: ReturnType<typeof simulationJson>): string {
  const v = (x: number | string | null) => (x === null ? '-' : String(x));
  const head = `What-if as of ${j.asOf} (period ${j.from} … ${j.asOf}, ${j.currency}, seed ${j.seed})`;
  const table = renderTable(
    [{ header: 'Figure' }, { header: 'Base', align: 'right' }, { header: 'Scenario', align: 'right' }],
    [
      ['DSO', v(j.base.dso), v(j.scenario.dso)],
      ['Countback DSO', v(j.base.countbackDso), v(j.scenario.countbackDso)],
      ['Overdue %', v(j.base.overduePercent), v(j.scenario.overduePercent)],
      ['CEI', v(j.base.cei), v(j.scenario.cei)],
      ['Open receivables', j.base.totalAr, j.scenario.totalAr],
      ['Sales', j.base.sales, j.scenario.sales],
      ['Refused sales', j.base.refusedSales, j.scenario.refusedSales],
      ['Collected', j.base.collected, j.scenario.collected],
      ['Expected loss', j.base.expectedLoss, j.scenario.expectedLoss],
    ],
  );
  const weeks = renderTable(
    [{ header: 'Week' }, { header: 'Base', align: 'right' }, { header: 'Scenario', align: 'right' }],
    j.weeks.map((w) => [`${w.from} … ${w.to}`, w.base, w.scenario]),
  );
  const c = j.changed;
  return `${head}\n${table}\nCash collected per week:\n${weeks}\nInvoices changed: ${c.dueMoved} due dates moved, ${c.paidMoved} payments moved, ${c.responded} responded to the earlier reminder, ${c.refused} refused, ${c.defaulted} lost to a default`;
}

export function registerSimulateCommand(program: Command, io: Io, state: { exitCode: number }): void {
  program
    .command('simulate')
    .description(
      'what-if: replay the ledger under other terms, limits, dunning days or a default (docs/domain/simulator.md)',
    )
    .requiredOption('--scenario <file>', 'the scenario JSON')
    .option('--as-of <date>', 'the date (default: today)', asDate)
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const scenario = await readScenario(o.scenario);
      const { simulateScenario, simulationJson } = await import('@credence/app/simulate');
      const r = await withExistingStore(o, io, (s) => simulateScenario(s, scenario, o.asOf ?? io.clock.today()));
      if (!r.ok) return emit(io, state, r);
      const j = simulationJson(r.value);
      emit(io, state, { ok: true, text: o.format === 'json' ? JSON.stringify(j, null, 2) : simulationText(j) });
    });
}
