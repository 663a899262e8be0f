import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { RowSource, SourceRow } from '@credence/app';
import { parse } from 'csv-parse';

/** Reads the header of a CSV file, then streams its data rows (row 2 on) as a RowSource for the imports. */
export async function csvRowSource(path: string): Promise<RowSource> {
  const parser = createReadStream(path).pipe(parse({ bom: true, relax_quotes: false }));
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const head = await records.next();
  const columns: string[] = head.done ? [] : head.value;
  async function* rows(): AsyncGenerator<SourceRow> {
    let row = 1;
    for (let r = await records.next(); !r.done; r = await records.next()) {
      row += 1;
      const values: Record<string, string> = {};
      for (let i = 0; i < columns.length; i++) values[columns[i] ?? ''] = r.value[i] ?? '';
      yield { row, values };
    }
  }
  return { file: basename(path), columns, rows: rows() };
}
