import { basename } from 'node:path';
import type { ImportKind, Mapping } from '@credence/app';
import {
  BANK_FORMATS,
  type BankFormat,
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
import { importBankStatementFile } from './import-bank-statement';
import { mappingMessage, rowMessage } from './row-messages';

const BANK_STATEMENT = 'bank-statement';
const asKind = (v: string): ImportKind | typeof BANK_STATEMENT => {
  if ((IMPORT_KINDS as readonly string[]).includes(v) || v === BANK_STATEMENT) return v as ImportKind;
  throw new InvalidArgumentError(`choose one of ${IMPORT_KINDS.join(', ')}, ${BANK_STATEMENT}.`);
};

/** `--format`: the output (table, json); for a bank statement also the file's format (camt, mt940, csv). */
const asImportFormat = (v: string): string => {
  if ((BANK_FORMATS as readonly string[]).includes(v)) return v;
  return asFormat(v);
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
    .argument('<kind>', [...IMPORT_KINDS, BANK_STATEMENT].join(' | '), asKind)
    .argument('<file>', '.csv, .tsv, .txt or .xlsx; a bank statement: camt.053/054 XML, MT940 or a CSV export')
    .option('--map <file>', 'mapping file for a foreign export (columns, dateFormat, defaults, …)')
    .option('--sheet <name>', 'XLSX worksheet (default: the first)')
    .option(
      '--encoding <name>',
      'CSV encoding, e.g. gb18030, windows-1252, big5 (default: BOM, UTF-8 or detected)',
      asEncoding,
    )
    .option(
      '--format <format>',
      'table or json (the summary or the errors); a bank statement: camt, mt940 or csv (default: detected)',
      asImportFormat,
      'table',
    )
    .option('--account <iban>', 'bank statement: the account it is for (when the file names none; else checked)')
    .option('--company <file>', 'bank statement: company settings naming the receivable account (bankAccount.iban)')
    .option('--max-errors <n>', 'row errors to print (all are counted)', asPositiveInt, 50)
    .option('--no-match', 'bank statement: store only; match later with `credence cash match`')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (kind: ImportKind | typeof BANK_STATEMENT, file: string, o) => {
      if (kind === BANK_STATEMENT) {
        const fileFormat = (BANK_FORMATS as readonly string[]).includes(o.format)
          ? (o.format as BankFormat)
          : undefined;
        state.exitCode = await importBankStatementFile(
          file,
          {
            ...(fileFormat === undefined ? {} : { format: fileFormat }),
            output: o.format === 'json' ? 'json' : 'table',
            ...(o.account === undefined ? {} : { account: o.account }),
            ...(o.company === undefined ? {} : { company: o.company }),
            ...(o.db === undefined ? {} : { db: o.db }),
            match: o.match !== false,
          },
          io,
        );
        return;
      }
      if (o.format === 'camt' || o.format === 'mt940') {
        io.err(`credence: --format ${o.format} is for bank statements; ${kind} takes table or json.`);
        state.exitCode = EXIT.usage;
        return;
      }
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
