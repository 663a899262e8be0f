import { evaluateModel, type ImportFailure, type RowSource, scoreRows, trainModel } from '@credence/app';
import { renderCsv, renderTable } from '@credence/core';
import { FileReadError, openRows } from '@credence/files';
import { DEFAULT_MODEL, readModelFile, writeModelFile } from '@credence/runtime';
import type { Command } from 'commander';
import type { Io } from '../context';
import { EXIT } from '../exit-codes';
import { asFormat, asPositiveInt } from '../options';
import { reasonText } from './financials';
import { rowMessage } from './row-messages';

const collect = (v: string, prev: string[]) => [...prev, v];
const f4 = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(4));

function reject(io: Io, state: { exitCode: number }, f: ImportFailure): void {
  for (const e of f.errors) io.err(rowMessage(e));
  if (f.errorCount > f.errors.length) io.err(`… and ${f.errorCount - f.errors.length} more errors`);
  io.err(
    `credence: ${String(f.params.file)}: ${f.errorCount} ${f.errorCount === 1 ? 'error' : 'errors'}, nothing done.`,
  );
  state.exitCode = EXIT.rejected;
}

/** Opens the files; a file that cannot be read as a table is a rejected input (exit 3). */
async function open(io: Io, state: { exitCode: number }, files: readonly string[]): Promise<RowSource[] | undefined> {
  try {
    return await Promise.all(files.map((f) => openRows(f)));
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    io.err(`credence: ${e.message}`);
    state.exitCode = EXIT.rejected;
    return undefined;
  }
}

export function registerModelCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const model = program.command('model').description('probability-of-default model: train, evaluate, score');

  model
    .command('train')
    .description('learn a PD model from labelled company data (CSV, XLSX or ARFF; label 1 = defaulted)')
    .requiredOption('--data <file>', 'labelled file (repeat for several)', collect, [])
    .option('--out <file>', 'where to write the model', 'model.json')
    .option('--label <column>', 'label column (default: class, default or label)')
    .option('--id <column>', 'a column naming each row (not an input)')
    .option('--trees <n>', 'boosting rounds', asPositiveInt)
    .option('--seed <n>', 'random seed (same data + seed = same model)', asPositiveInt)
    .action(async (o) => {
      const sources = await open(io, state, o.data);
      if (!sources) return;
      const r = await trainModel(sources, {
        ...(o.label ? { label: o.label } : {}),
        ...(o.id ? { id: o.id } : {}),
        params: { ...(o.trees ? { trees: o.trees } : {}), ...(o.seed !== undefined ? { seed: o.seed } : {}) },
      });
      if (!r.ok) return reject(io, state, r.error);
      await writeModelFile(o.out, r.value.model);
      for (const f of r.value.files) io.out(`${f.file}: ${f.rows} rows, ${f.positives} defaulted`);
      const m = r.value.model;
      io.out(`model written to ${o.out}: ${m.trees.length} trees over ${m.features.length} inputs`);
      io.out(`check it on rows it has not seen: credence model evaluate --model ${o.out} --data FILE`);
    });

  model
    .command('evaluate')
    .description('measure a model on labelled rows: AUC, KS, Brier score and a calibration table')
    .requiredOption('--data <file>', 'labelled file')
    .option('--model <file>', 'model file (default: the shipped model)', DEFAULT_MODEL)
    .option('--label <column>', 'label column (default: class, default or label)')
    .option('--format <format>', 'table or json', asFormat, 'table')
    .action(async (o) => {
      const m = await readModelFile(o.model);
      const sources = await open(io, state, [o.data]);
      if (!sources?.[0]) return;
      const r = await evaluateModel(m, sources[0], o.label ? { label: o.label } : {});
      if (!r.ok) return reject(io, state, r.error);
      const e = r.value;
      if (o.format === 'json') {
        io.out(JSON.stringify(e, null, 2));
        return;
      }
      io.out(`${e.file}: ${e.rows} rows, ${e.positives} defaulted`);
      io.out(`AUC ${f4(e.auc)}   KS ${f4(e.ks)}   Brier ${f4(e.brier)}\n`);
      io.out(
        renderTable(
          [
            { header: 'PD from', align: 'right' },
            { header: 'PD to', align: 'right' },
            { header: 'Rows', align: 'right' },
            { header: 'Mean PD', align: 'right' },
            { header: 'Defaulted', align: 'right' },
          ],
          e.calibration.map((c) => [f4(c.from), f4(c.to), String(c.count), f4(c.meanPd), f4(c.defaultRate)]),
        ),
      );
    });

  model
    .command('score')
    .description('PD per row, in input order, with the reasons that raised or lowered it')
    .requiredOption('--data <file>', 'file with the model inputs (a label column is ignored)')
    .option('--model <file>', 'model file (default: the shipped model)', DEFAULT_MODEL)
    .option('--id <column>', 'a column naming each row, copied to the output')
    .option('--top <n>', 'reasons per row', asPositiveInt, 3)
    .option('--format <format>', 'csv, table or json', asFormat, 'csv')
    .action(async (o) => {
      const m = await readModelFile(o.model);
      const sources = await open(io, state, [o.data]);
      if (!sources?.[0]) return;
      const r = await scoreRows(m, sources[0], { top: o.top, ...(o.id ? { id: o.id } : {}) });
      if (!r.ok) return reject(io, state, r.error);
      if (o.format === 'json') {
        io.out(JSON.stringify(r.value, null, 2));
        return;
      }
      const reasons = Array.from({ length: o.top }, (_, k) => `reason_${k + 1}`);
      const header = ['row', ...(o.id ? [o.id] : []), 'pd', ...reasons];
      const rows = r.value.map((s) => [
        String(s.row),
        ...(o.id ? [s.id ?? ''] : []),
        s.pd.toFixed(6),
        ...reasons.map((_, k) => (s.reasons[k] ? reasonText(s.reasons[k]) : '')),
      ]);
      io.out(
        o.format === 'csv'
          ? renderCsv(header, rows, ['row', 'pd']).trimEnd()
          : renderTable(
              header.map((h) => ({ header: h })),
              rows,
            ),
      );
    });
}
