/** A file that cannot be read as a table at all (missing, malformed CSV, bad header, unknown sheet). */
export class FileReadError extends Error {
  constructor(
    readonly file: string,
    readonly row: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${row === undefined ? '' : `, row ${row}`}: ${reason}`);
    this.name = 'FileReadError';
  }
}

/** Header cells: trimmed, none empty, none repeated. */
export function checkHeader(file: string, cells: readonly string[]): string[] {
  const header = cells.map((c) => c.trim());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  if (header.length === 0) throw new FileReadError(file, 1, 'no header row');
  const seen = new Set<string>();
  header.forEach((h, i) => {
    if (h === '') throw new FileReadError(file, 1, `column ${i + 1} has no name`);
    if (seen.has(h)) throw new FileReadError(file, 1, `column "${h}" appears twice`);
    seen.add(h);
  });
  return header;
}

export interface ReadProgress {
  /** Work done and total, in the reader's unit (bytes for CSV, rows for XLSX). */
  readonly done: number;
  readonly total: number;
  readonly rows: number;
}

export interface ReadOptions {
  readonly onProgress?: (p: ReadProgress) => void;
}
