import { basename } from 'node:path';
import type { ImportKind, Mapping } from '@credence/app';
import {
  ENCODING_NAMES,
  type Encoding,
  encodingNamed,
  FileReadError,
  openRows,
  readingNotes,
  readMappingFile,
} from '@credence/files';
import { type Command, InvalidArgumentError } from 'commander';
import { type Io, withStore } from '../context';
import { EXIT } from '../exit-codes';
import { progressBar } from '../format/progress';
import { asFormat, asPositiveInt } from '../options';
import { IMPORT_KINDS, runImport, summaryText } from './import';
import { mappingMessage, rowMessage } from './row-messages';

const asKind = (v: string): ImportKind => {
  if ((IMPORT_KINDS as readonly string[]).includes(v)) return v as ImportKind;
  throw new InvalidArgumentError(`choose one of ${IMPORT_KINDS.join(', ')}.`);
};

const asEncoding = (v: string): Encoding => {
  const e = encodingNamed(v);
  if (e !== undefined) return e;
  throw new InvalidArgumentError(`"${v}" is not an encoding Credence reads: ${ENCODING_NAMES.join(', ')}.`);
};

export function registerImportCommand(program: Command, io: Io, state: { exitCode: number }): void {
  program
    .command('import')
    .description('import a CSV or XLSX file, all or nothing (docs/import.md)')
    .argument('<kind>', IMPORT_KINDS.join(' | '), asKind)
    .argument('<file>', '.csv, .tsv, .txt or .xlsx')
    .option('--map <file>', 'mapping file for a foreign export (columns, dateFormat, defaults, …)')
    .option('--sheet <name>', 'XLSX worksheet (default: the first)')
    .option(
      '--encoding <name>',
      'CSV encoding, e.g. gb18030, windows-1252, big5 (default: BOM, UTF-8 or detected)',
      asEncoding,
    )
    .option('--format <format>', 'table or json (the summary or the errors)', asFormat, 'table')
    .option('--max-errors <n>', 'row errors to print (all are counted)', asPositiveInt, 50)
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (kind: ImportKind, file: string, o) => {
      let mapping: Mapping | undefined;
      if (o.map) {
        const m = await readMappingFile(o.map, kind);
        if (!m.ok) {
          for (const f of m.error) io.err(`credence: ${mappingMessage(o.map, f)}`);
          state.exitCode = EXIT.usage;
          return;
        }
        mapping = m.value;
      }
      let encoding: Encoding | undefined = o.encoding;
      if (encoding === undefined && mapping?.encoding !== undefined) {
        encoding = encodingNamed(mapping.encoding);
        if (encoding === undefined) {
          io.err(
            `credence: ${o.map}: encoding: "${mapping.encoding}" is not one Credence reads (${ENCODING_NAMES.join(', ')})`,
          );
          state.exitCode = EXIT.usage;
          return;
        }
      }
      const bar = io.isTty ? progressBar(`import ${kind}`) : undefined;
      try {
        const result = await withStore({ ...o, source: basename(file) }, io, async (store) => {
          const source = await openRows(file, {
            ...(o.sheet ? { sheet: o.sheet } : {}),
            ...(mapping?.delimiter ? { delimiter: mapping.delimiter } : {}),
            ...(encoding !== undefined ? { encoding } : {}),
            ...(bar ? { onProgress: bar.update } : {}),
          });
          for (const note of readingNotes(source)) io.err(`credence: ${note}`);
          return runImport(store, kind, source, mapping, { maxErrors: o.maxErrors });
        });
        bar?.stop();
        if (result.ok) {
          io.out(o.format === 'json' ? JSON.stringify(result.value, null, 2) : summaryText(result.value));
          return;
        }
        const f = result.error;
        if (o.format === 'json') io.out(JSON.stringify({ file, errorCount: f.errorCount, errors: f.errors }, null, 2));
        for (const e of f.errors) io.err(rowMessage(e));
        if (f.errorCount > f.errors.length) io.err(`… and ${f.errorCount - f.errors.length} more errors`);
        io.err(`credence: ${file}: nothing imported (${f.errorCount} ${f.errorCount === 1 ? 'error' : 'errors'}).`);
        state.exitCode = EXIT.rejected;
      } catch (e) {
        bar?.stop();
        if (!(e instanceof FileReadError)) throw e;
        io.err(`credence: ${e.message}`);
        io.err(`credence: ${file}: nothing imported.`);
        state.exitCode = EXIT.rejected;
      }
    });
}
