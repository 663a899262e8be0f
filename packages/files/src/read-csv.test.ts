import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { detectDelimiter } from './csv-records';
import { FileReadError } from './file-error';
import { openRows, readingNotes } from './open-rows';
import { openCsv } from './read-csv';
import { collect, testDir } from './test-dir';

const dir = testDir('csv');
afterAll(() => dir.cleanup());

function write(name: string, text: string | Buffer): string {
  const p = dir.path(name);
  writeFileSync(p, text);
  return p;
}

const names = async (path: string, options: Parameters<typeof openCsv>[1] = {}): Promise<string[]> =>
  (await collect((await openCsv(path, options)).rows)).map((r) => r.values.name ?? '');

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

  it('reads Windows-1252, GB18030 and Big5 exports exactly, detecting the encoding', async () => {
    const header = 'buyer_id,name,country\n';
    const latin = write('latin.csv', iconv.encode(`${header}B1,Müller GmbH,DE\nB2,Société Générale,FR\n`, 'win1252'));
    expect(latin.length).toBeGreaterThan(0);
    expect(await names(latin)).toEqual(['Müller GmbH', 'Société Générale']);
    expect((await openCsv(latin)).encoding).toEqual({ encoding: 'windows-1252', source: 'detected' });
    const gb = write('gb.csv', iconv.encode(`${header}B1,上海宏达贸易有限公司,CN\n`, 'gb18030'));
    expect(await names(gb)).toEqual(['上海宏达贸易有限公司']);
    const big5 = iconv.encode(`${header}B1,台灣積體電路製造股份有限公司,TW\nB2,鴻海精密工業股份有限公司,TW\n`, 'big5');
    expect(await names(write('big5.csv', big5))).toEqual(['台灣積體電路製造股份有限公司', '鴻海精密工業股份有限公司']);
    // Two characters are too few to tell Big5 from Windows-1252: named, they read exactly.
    const short = write('tw.csv', iconv.encode(`${header}B1,台灣,TW\n`, 'big5'));
    expect(await names(short, { encoding: 'big5' })).toEqual(['台灣']);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(`${header}B1,Łódź Sp. z o.o.,PL\n`, 'utf-16le'),
    ]);
    expect(await names(write('u16.csv', utf16))).toEqual(['Łódź Sp. z o.o.']);
  });

  it('decodes a GB18030 file larger than one read piece, characters split across pieces', async () => {
    const lines = ['buyer_id,name,country'];
    for (let i = 0; i < 40_000; i++) lines.push(`B${i},上海宏达贸易有限公司${i},CN`);
    const p = write('gb-big.csv', iconv.encode(`${lines.join('\n')}\n`, 'gb18030'));
    const got = await names(p);
    expect(got).toHaveLength(40_000);
    expect(got.every((n, i) => n === `上海宏达贸易有限公司${i}`)).toBe(true);
  });

  it('refuses bytes not valid in the encoding, naming the row and column; never stores U+FFFD', async () => {
    const bad = Buffer.concat([
      Buffer.from('buyer_id,name,country\nB1,Acme,DE\nB2,Caf'),
      Buffer.from([0xe9]),
      Buffer.from(',FR\n'),
    ]);
    const p = write('bad-utf8.csv', bad);
    // Small files fail on opening, large ones while their rows are read: either way before any row is used.
    const err = await names(p, { encoding: 'utf-8' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileReadError);
    expect(err).toMatchObject({ row: 3 });
    expect((err as FileReadError).reason).toMatch(/^column name: bytes that are not valid utf-8 \(as given\)/);
    // Undefined in Windows-1252 (0x81), in the header: row 1, column 2.
    const header = write('bad-1252.csv', Buffer.from([0x61, 0x2c, 0x62, 0x81, 0x0a, 0x31, 0x2c, 0x32, 0x0a]));
    await expect(openCsv(header, { encoding: 'windows-1252' })).rejects.toMatchObject({
      row: 1,
      reason: expect.stringMatching(/^column 2: bytes that are not valid windows-1252/),
    });
    // Past the first piece: the start looked like UTF-8, a Windows-1252 'é' comes 60 000 rows (2 MB) later.
    const ascii = Array.from({ length: 60_000 }, (_, i) => `B${i},Company number ${i} Ltd,DE`).join('\n');
    const late = write(
      'late.csv',
      Buffer.concat([
        Buffer.from(`buyer_id,name,country\n${ascii}\nB-late,Caf`),
        Buffer.from([0xe9, 0x2c, 0x46, 0x52, 0x0a]),
      ]),
    );
    expect(late.length).toBeGreaterThan(0);
    const lateErr = await names(late).catch((e: unknown) => e);
    expect(lateErr).toMatchObject({ row: 60_002 });
    expect((lateErr as FileReadError).reason).toMatch(
      /^column name: .*utf-8 \(the file looked like UTF-8 at its start\)/,
    );
    expect(await names(late, { encoding: 'windows-1252' }).then((n) => n.at(-1))).toBe('Café');
    await expect(openCsv(write('binary.csv', Buffer.from([0x61, 0x0a, 0x81, 0x0a])))).rejects.toThrow(
      /encoding cannot be told: name it with --encoding/,
    );
    // A literal U+FFFD (EF BF BD) is a character like any other.
    const literal = write('literal.csv', 'buyer_id,name\nB1,a\uFFFDb\n');
    expect(await names(literal)).toEqual(['a\uFFFDb']);
  });

  it('reads ;, TAB or | separated files from their header line; a comma in the header keeps ","', async () => {
    expect(detectDelimiter('buyer_id;name;country')).toBe(';');
    expect(detectDelimiter('buyer_id\tname')).toBe('\t');
    expect(detectDelimiter('a|b|c')).toBe('|');
    expect(detectDelimiter('"a;b",c')).toBe(',');
    expect(detectDelimiter('"a;b;c"')).toBe(',');
    expect(detectDelimiter('a;b|c')).toBe(',');
    expect(detectDelimiter('one_column')).toBe(',');
    const semi = await openRows(write('semi.csv', 'buyer_id;name;amount\nB1;"Acme; Inc.";1,50\n'));
    expect(semi.columns).toEqual(['buyer_id', 'name', 'amount']);
    expect((await collect(semi.rows))[0]?.values).toEqual({ buyer_id: 'B1', name: 'Acme; Inc.', amount: '1,50' });
    expect(readingNotes(semi)).toEqual([
      `${dir.path('semi.csv')}: fields separated by ';' (read from the header line)`,
    ]);
    const given = await openRows(write('given.csv', 'a;b\n1;2\n'), { delimiter: ',' });
    expect(given.columns).toEqual(['a;b']);
    expect(readingNotes(given)).toEqual([]);
  });
});
