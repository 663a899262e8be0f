import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// Issue 10 item 1 and issue 11 item 7: files as Chinese ERPs and Western Windows tools write them,
// imported through the real CLI into a real PGlite directory, read back exactly.
// One database for all (a PGlite directory takes seconds to create); each test has buyer ids of its own.
const tmp = tempDir('enc');
const db = join(tmp.dir, 'db');
afterAll(() => tmp.cleanup());

const HEADER = 'buyer_id,name,country,currency,payment_terms_days\n';
const file = (name: string, content: string | Buffer): string => {
  const p = join(tmp.dir, name);
  writeFileSync(p, content);
  return p;
};
const names = async (): Promise<Record<string, string>> => {
  const r = await credence(['buyer', 'list', '--format', 'json', '--db', db]);
  expect(r.code).toBe(0);
  return Object.fromEntries((JSON.parse(r.out) as { id: string; name: string }[]).map((b) => [b.id, b.name]));
};

describe('import: file encodings', () => {
  it('imports buyers from a GB18030 file (detected) and reads the names back exactly', async () => {
    const gb = file(
      'gb.csv',
      iconv.encode(`${HEADER}CN1,上海宏达贸易有限公司,CN,CNY,60\nCN2,北京华联商厦股份有限公司,CN,CNY,30\n`, 'gb18030'),
    );
    const r = await credence(['import', 'buyers', gb, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`credence: ${gb}: read as gb18030 (detected; name another with --encoding)\n`);
    expect(await names()).toMatchObject({ CN1: '上海宏达贸易有限公司', CN2: '北京华联商厦股份有限公司' });
  });

  it('reads Windows-1252 named by --encoding and Big5 named by the mapping file', async () => {
    const latin = file(
      'latin.csv',
      iconv.encode(`${HEADER}DE1,Müller GmbH,DE,EUR,30\nFR1,Société Générale,FR,EUR,45\n`, 'cp1252'),
    );
    const a = await credence(['import', 'buyers', latin, '--encoding', 'Latin-1', '--db', db]);
    expect([a.code, a.err]).toEqual([0, '']);
    const big5 = file('tw.csv', iconv.encode('Kunde,Name\nTW1,台灣\n', 'big5'));
    const map = file(
      'tw.map.json',
      JSON.stringify({
        columns: { buyer_id: 'Kunde', name: 'Name' },
        defaults: { country: 'TW', currency: 'TWD', payment_terms_days: '30' },
        encoding: 'big5',
      }),
    );
    const b = await credence(['import', 'buyers', big5, '--map', map, '--db', db]);
    expect([b.code, b.err]).toEqual([0, '']);
    expect(await names()).toMatchObject({ DE1: 'Müller GmbH', FR1: 'Société Générale', TW1: '台灣' });
  });

  it('an invalid UTF-8 byte under --encoding utf-8: row and column named, exit 3, nothing stored', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}B1,Acme,DE,EUR,30\nB2,Caf`),
      Buffer.from([0xe9]),
      Buffer.from(' Lyon,FR,EUR,30\nB3,Zeta,DE,EUR,30\n'),
    ]);
    const r = await credence(['import', 'buyers', file('bad.csv', bytes), '--encoding', 'utf-8', '--db', db]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(
      /bad\.csv, row 3: column name: bytes that are not valid utf-8 \(as given\)\. Name the encoding .*\n.*bad\.csv: nothing imported\.\n$/,
    );
    expect(Object.keys(await names()).filter((id) => /^B\d$/.test(id))).toEqual([]);
    // Far into a large file (2 MB, past the first piece read): still nothing of it is stored.
    const many = Array.from({ length: 60_000 }, (_, i) => `X${i},Company number ${i} Ltd,DE,EUR,30`).join('\n');
    const late = file(
      'late.csv',
      Buffer.concat([Buffer.from(`${HEADER}${many}\nX-late,Caf`), Buffer.from([0xe9]), Buffer.from(',FR,EUR,30\n')]),
    );
    const l = await credence(['import', 'buyers', late, '--db', db]);
    expect(l.code).toBe(3);
    expect(l.err).toMatch(/late\.csv, row 60002: column name: bytes that are not valid utf-8/);
    expect(Object.keys(await names()).filter((id) => id.startsWith('X'))).toEqual([]);
    // Detected: the same file reads as Windows-1252, which it is.
    const ok = await credence(['import', 'buyers', join(tmp.dir, 'bad.csv'), '--db', db]);
    expect(ok.code).toBe(0);
    expect((await names()).B2).toBe('Café Lyon');
  });

  it('an unknown encoding is a usage error, on the command line and in a mapping file', async () => {
    const csv = file('plain.csv', `${HEADER}B1,Acme,DE,EUR,30\n`);
    const a = await credence(['import', 'buyers', csv, '--encoding', 'ebcdic', '--db', db]);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/"ebcdic" is not an encoding Credence reads/);
    const map = file(
      'e.map.json',
      JSON.stringify({
        columns: {
          buyer_id: 'buyer_id',
          name: 'name',
          country: 'country',
          currency: 'currency',
          payment_terms_days: 'payment_terms_days',
        },
        encoding: 'ebcdic',
      }),
    );
    const b = await credence(['import', 'buyers', csv, '--map', map, '--db', db]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/e\.map\.json: encoding: "ebcdic" is not one Credence reads/);
  });
});

describe('import: hints on the layout', () => {
  it('reads a ;-separated file without a mapping, saying so', async () => {
    const semi = file('semi.csv', 'buyer_id;name;country;currency;payment_terms_days\nS1;"Acme; Inc.";DE;EUR;30\n');
    const r = await credence(['import', 'buyers', semi, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`credence: ${semi}: fields separated by ';' (read from the header line)\n`);
    expect((await names()).S1).toBe('Acme; Inc.');
  });

  it('a header with none of the expected columns: the error lists them and suggests --map', async () => {
    const r = await credence(['import', 'buyers', file('f.csv', 'Kunde,Name,Land\nK1,Acme,DE\n'), '--db', db]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('row 1: none of the columns is one this import reads (found: Kunde, Name, Land).');
    expect(r.err).toContain('expected: buyer_id, name, country, currency, payment_terms_days; optional: legal_id,');
    expect(r.err).toContain('say which column is which with --map MAP.json');
    const semi = file('semi-comma.csv', 'Kunde;Name, Vorname;Land\nK1;Acme;DE\n');
    const s = await credence(['import', 'buyers', semi, '--db', db]);
    expect(s.code).toBe(3);
    expect(s.err).toContain(`this looks like ';'-separated: use --map with "delimiter"`);
  });
});
