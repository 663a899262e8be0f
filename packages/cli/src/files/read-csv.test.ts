import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { FileReadError } from './file-error';
import { openRows } from './open-rows';
import { openCsv } from './read-csv';
import { collect, testDir } from './test-dir';

const dir = testDir('csv');
afterAll(() => dir.cleanup());

function write(name: string, text: string): string {
  const p = dir.path(name);
  writeFileSync(p, text);
  return p;
}

describe('openCsv', () => {
  it('reads BOM, CRLF, quoted fields with commas, quotes and line breaks; row numbers as a spreadsheet shows them', async () => {
    const p = write(
      'a.csv',
      '\uFEFFbuyer_id,name,amount\r\nB1,"Acme, Inc.",100.10\r\nB2,"The ""Best"" Co\r\nLtd",7\r\n\r\n,,\r\nB3,Plain,0.30\r\n',
    );
    const src = await openCsv(p);
    expect(src.columns).toEqual(['buyer_id', 'name', 'amount']);
    expect(await collect(src.rows)).toEqual([
      { row: 2, values: { buyer_id: 'B1', name: 'Acme, Inc.', amount: '100.10' } },
      { row: 3, values: { buyer_id: 'B2', name: 'The "Best" Co\r\nLtd', amount: '7' } },
      { row: 6, values: { buyer_id: 'B3', name: 'Plain', amount: '0.30' } },
    ]);
  });

  it('pads short rows, accepts empty trailing fields, refuses extra values', async () => {
    const ok = await openCsv(write('b.csv', 'a,b,c\n1,2\n3,4,5,,\n'));
    expect((await collect(ok.rows)).map((r) => r.values)).toEqual([
      { a: '1', b: '2', c: '' },
      { a: '3', b: '4', c: '5' },
    ]);
    const bad = await openCsv(write('c.csv', 'a,b\n1,2\n3,4,5\n'));
    await expect(collect(bad.rows)).rejects.toMatchObject({ name: 'FileReadError', row: 3 });
  });

  it('reports malformed files and bad headers as FileReadError', async () => {
    await expect(openCsv(write('empty.csv', ''))).rejects.toBeInstanceOf(FileReadError);
    await expect(openCsv(write('dup.csv', 'a,b,a\n1,2,3\n'))).rejects.toThrow(/appears twice/);
    await expect(openCsv(write('blank.csv', 'a,,c\n1,2,3\n'))).rejects.toThrow(/column 2 has no name/);
    await expect(openCsv(dir.path('missing.csv'))).rejects.toThrow(/not found/);
    const unclosed = await openCsv(write('q.csv', 'a,b\n1,2\n3,"open\n'));
    await expect(collect(unclosed.rows)).rejects.toMatchObject({ name: 'FileReadError', row: 3 });
  });

  it('honours a delimiter, and .tsv means tab', async () => {
    const semi = await openRows(write('s.csv', 'a;b\n1,5;2\n'), { delimiter: ';' });
    expect((await collect(semi.rows))[0]?.values).toEqual({ a: '1,5', b: '2' });
    const tsv = await openRows(write('t.tsv', 'a\tb\n1\t2\n'));
    expect((await collect(tsv.rows))[0]?.values).toEqual({ a: '1', b: '2' });
    await expect(openRows(write('x.json', '{}'))).rejects.toThrow(/unsupported/);
  });

  it('streams a large file, reporting progress as it goes', async () => {
    const n = 100_000;
    const lines = ['document_number,buyer_id,amount'];
    for (let i = 0; i < n; i++) lines.push(`INV-${i},B${i % 97},${i}.25`);
    const p = write('big.csv', `${lines.join('\n')}\n`);
    const seen: number[] = [];
    const src = await openCsv(p, { onProgress: (x) => seen.push(x.rows) });
    let count = 0;
    let last = 0;
    for await (const r of src.rows) {
      count += 1;
      last = r.row;
    }
    expect([count, last]).toEqual([n, n + 1]);
    expect(seen.at(-1)).toBe(n);
    expect(seen.length).toBeGreaterThan(10);
  });
});
