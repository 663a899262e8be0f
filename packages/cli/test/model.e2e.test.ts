import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '@credence/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// The done-when of the credit-assessment issue, on the data we have: a model trained on the 1st-year file
// and three quarters of the 5th-year file ranks the other quarter with an AUC of at least 0.93.
const data = join(import.meta.dirname, '..', '..', '..', 'datasets', 'polish-bankruptcy');
const tmp = tempDir('model');
afterAll(() => tmp.cleanup());

/** The 5th-year file as CSV, split by a seeded draw stratified by outcome: [train, holdout]. */
function splitFifthYear(): [string, string] {
  const text = readFileSync(join(data, '5year-train.arff'), 'utf8');
  const [head = '', body = ''] = text.split(/@data\s*\n/i);
  const names = [...head.matchAll(/@attribute\s+(\S+)/gi)].map((m) => m[1]);
  const rows = body.split(/\r?\n/).filter((l) => l.trim() !== '');
  const rng = new Rng(2026);
  const train: string[] = [];
  const holdout: string[] = [];
  for (const outcome of ['0', '1'])
    for (const r of rows.filter((l) => l.trim().endsWith(`,${outcome}`))) (rng.next() < 0.25 ? holdout : train).push(r);
  const write = (name: string, lines: string[]) => {
    const file = join(tmp.dir, name);
    writeFileSync(file, `${names.join(',')}\n${lines.join('\n')}\n`);
    return file;
  };
  return [write('train.csv', train), write('holdout.csv', holdout)];
}

let train = '';
let holdout = '';
const model = join(tmp.dir, 'model.json');
beforeAll(() => {
  [train, holdout] = splitFifthYear();
});

describe('credence model', () => {
  it('trains on ARFF and CSV together and ranks unseen companies with AUC ≥ 0.93', async () => {
    const t = await credence(['model', 'train', '--data', join(data, '1year.arff'), '--data', train, '--out', model]);
    expect([t.code, t.err]).toEqual([0, '']);
    expect(t.out).toContain('7027 rows, 271 defaulted');
    const e = await credence(['model', 'evaluate', '--model', model, '--data', holdout, '--format', 'json']);
    expect(e.code).toBe(0);
    const m = JSON.parse(e.out) as { rows: number; auc: number; ks: number; brier: number };
    expect(m.rows).toBeGreaterThan(900);
    expect(m.auc).toBeGreaterThanOrEqual(0.93);
    expect(m.brier).toBeLessThan(0.06);
  }, 120_000);

  it('scores with the shipped model: one CSV row per input row, in order, PD and reasons', async () => {
    const s = await credence(['model', 'score', '--data', holdout, '--format', 'csv']);
    expect([s.code, s.err]).toEqual([0, '']);
    const lines = s.out.trimEnd().split('\n');
    expect(lines[0]).toBe('row,pd,reason_1,reason_2,reason_3');
    const inputs = readFileSync(holdout, 'utf8').trimEnd().split('\n').length - 1;
    expect(lines).toHaveLength(inputs + 1);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: inputs }, (_, i) => i + 2));
    for (const r of rows) {
      const p = Number(r[1]);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(s.out).toMatch(/[+−]\d\.\d\d Attr\d+ = [^,]+ \(/);
  });

  it('refuses a file with a bad cell (exit 3, file, row, column, value) and a file that is not a model (exit 2)', async () => {
    const bad = join(tmp.dir, 'bad.csv');
    const [header = '', first = ''] = readFileSync(holdout, 'utf8').split('\n');
    writeFileSync(bad, `${header}\n${first.replace(/^[^,]*/, 'lots')}\n`);
    const r = await credence(['model', 'score', '--data', bad]);
    expect(r.code).toBe(3);
    expect(r.err).toContain(`${bad}: row 2, column Attr1, value "lots"`);
    const notModel = join(tmp.dir, 'nope.json');
    writeFileSync(notModel, '{"hello": 1}');
    const n = await credence(['model', 'score', '--model', notModel, '--data', holdout]);
    expect(n.code).toBe(2);
    expect(n.err).toContain('not a Credence model');
  });
});
