// How openPglite starts PGlite faster (engine/pglite.ts, docs/benchmarks.md "Start-up"), on a real PGlite: the
// array types looked up by one scan (engine/pglite-arrays.ts) give the same handlers and values as PGlite's own
// look-up, and the shared memory is the size asked for.
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, smallDatabase } from '../src/engine/pglite';
import { lookUpArrayTypesByScan, parseArray, serializeArray } from '../src/engine/pglite-arrays';
import type { Engine } from '../src/engine/types';

describe('parseArray', () => {
  const int = (s: string) => Number(s);
  it.each([
    ['{}', undefined, []],
    ['{a,b}', undefined, ['a', 'b']],
    ['{"a,b","c\\"d","e\\\\f","",NULL,"NULL"}', undefined, ['a,b', 'c"d', 'e\\f', '', null, 'NULL']],
    [
      '{{1,2},{3,NULL}}',
      int,
      [
        [1, 2],
        [3, null],
      ],
    ],
    ['[0:1]={7,8}', int, [7, 8]],
    ['{"{x}","}"}', undefined, ['{x}', '}']],
  ] as const)('%s', (text, parse, expected) => {
    expect(parseArray(text, parse)).toEqual(expected);
  });

  it('splits on the type’s delimiter (box uses ;)', () => {
    expect(parseArray('{(1,1),(0,0);(2,2),(1,1)}', undefined, ';')).toEqual(['(1,1),(0,0)', '(2,2),(1,1)']);
  });

  it.each(['', 'a', '{a', '{"a}', '{a}x', '{{a}'])('refuses the malformed %j', (text) => {
    expect(() => parseArray(text, undefined)).toThrow(/malformed array/);
  });
});

describe('serializeArray', () => {
  it('quotes and escapes every element, null as null, nested arrays nested', () => {
    expect(serializeArray(['a,b', 'c"d', 'e\\f', null, undefined], undefined)).toBe(
      '{"a,b","c\\"d","e\\\\f",null,null}',
    );
    expect(serializeArray([[1n, 2n], [3n]], (x: bigint) => x.toString())).toBe('{{"1","2"},{"3"}}');
    expect(serializeArray([], undefined)).toBe('{}');
    expect(serializeArray('{already}', undefined)).toBe('{already}');
  });
});

/** The parsers the engine passes (pglite.ts), so that only the array handling can differ. */
const parsers = {
  [types.DATE]: (x: string) => x,
  [types.INT8]: (x: string) => BigInt(x),
  [types.NUMERIC]: (x: string) => x,
};

const arrays = `select
    array['a,b', 'c"d', 'e\\f', '', null, 'NULL', '{x}']::text[] as texts,
    array[1, null, 3]::int4[] as ints,
    array[9007199254740993, -1]::int8[] as bigs,
    array['2026-01-31', null]::date[] as dates,
    array['1.10', '-0.000001']::numeric[] as decimals,
    array[true, false]::bool[] as flags,
    array['{"a":1}', '[2]']::jsonb[] as docs,
    array[array[1, 2], array[3, 4]]::int4[] as grid,
    '[0:1]={5,6}'::int4[] as shifted,
    '{}'::text[] as empty,
    array[box '((1,1),(0,0))', box '((2,2),(1,1))'] as boxes`;

const withParams = 'select $1::text[] as t, $2::int8[] as b, $3::date[] as d, $4::int4[] as g';
const params = [
  ['a,b', 'c"d', 'e\\f', null, '', 'NULL'],
  [1n, -2n],
  ['2026-01-31'],
  [
    [1, 2],
    [3, 4],
  ],
];

describe('array types on PGlite: by scan against PGlite’s own look-up', () => {
  let engine: Engine;
  let reference: PGlite;
  let scanned: PGlite;
  beforeAll(async () => {
    engine = await openPglite(undefined, { brief: true });
    reference = await PGlite.create({ parsers });
    scanned = new PGlite({ parsers });
    lookUpArrayTypesByScan(scanned);
    await scanned.waitReady;
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
    await reference?.close();
    await scanned?.close();
  });

  it('registers a handler for the same array types', () => {
    const arrayOids = (p: PGlite) =>
      Object.keys(p.parsers)
        .filter((k) => !(k in parsers) && /^\d+$/.test(k) && Number(k) > 0)
        .sort();
    expect(arrayOids(scanned)).toEqual(arrayOids(reference));
    expect(Object.keys(scanned.serializers).sort()).toEqual(Object.keys(reference.serializers).sort());
  });

  it('the engine reads every kind of array column as PGlite’s own handlers do', async () => {
    const { rows } = await sql.raw<Record<string, unknown>>(arrays).execute(engine.db);
    expect(rows).toEqual((await reference.query(arrays)).rows);
    expect(rows[0]?.bigs).toEqual([9007199254740993n, -1n]);
    expect(rows[0]?.texts).toEqual(['a,b', 'c"d', 'e\\f', '', null, 'NULL', '{x}']);
  });

  it('the engine sends array parameters as PGlite’s own serializers do', async () => {
    const { rows } = await engine.db.executeQuery<Record<string, unknown>>({
      sql: withParams,
      parameters: params,
      query: { kind: 'RawNode', sqlFragments: [withParams], parameters: [] } as never,
      queryId: { queryId: 'arrays' },
    });
    expect(rows).toEqual((await reference.query(withParams, params)).rows);
    expect(rows[0]).toEqual({ t: params[0], b: params[1], d: params[2], g: params[3] });
  });
});

describe('a brief start', () => {
  it('has 16 MB of shared_buffers, else Postgres’ default 128 MB', async () => {
    for (const [brief, shown] of [
      [true, '16MB'],
      [false, '128MB'],
    ] as const) {
      const engine = await openPglite(undefined, { brief });
      try {
        const { rows } = await sql.raw<{ shared_buffers: string }>('show shared_buffers').execute(engine.db);
        expect(rows[0]?.shared_buffers).toBe(shown);
      } finally {
        await engine.close();
      }
    }
  }, 120_000);
});

describe('smallDatabase (a brief start only on a small database)', () => {
  it('adds up the tables and indexes (files from OID 16384 on, 1 GB segments included), not the catalogs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'credence-small-'));
    try {
      expect(smallDatabase(join(dir, 'missing'), 100)).toBe(true);
      mkdirSync(join(dir, 'base', '5'), { recursive: true });
      const file = (name: string, bytes: number) => {
        writeFileSync(join(dir, 'base', '5', name), '');
        truncateSync(join(dir, 'base', '5', name), bytes);
      };
      file('1259', 1000); // pg_class: a catalog
      file('16384', 40);
      file('16384_fsm', 1000);
      file('16390', 50);
      expect(smallDatabase(dir, 90)).toBe(true);
      file('16390.1', 1);
      expect(smallDatabase(dir, 90)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
