import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readMappingFile } from './mapping-file';
import { openRows } from './open-rows';
import { collect, testDir } from './test-dir';

const examples = join(import.meta.dirname, '..', '..', '..', 'docs', 'examples', 'ibm-ar');
const dir = testDir('map');
afterAll(() => dir.cleanup());

describe('readMappingFile', () => {
  it('accepts the shipped IBM mapping files, whose columns all exist in the sample export', async () => {
    const sample = await openRows(join(examples, 'sample.csv'));
    for (const kind of ['buyers', 'invoices', 'payments'] as const) {
      const m = await readMappingFile(join(examples, `${kind}.map.json`), kind);
      expect(m.ok).toBe(true);
      if (m.ok) for (const column of Object.values(m.value.columns)) expect(sample.columns).toContain(column);
    }
    const rows = await collect(sample.rows);
    expect(rows).toHaveLength(8);
    expect(rows[5]).toMatchObject({ row: 7, values: { invoiceNumber: '18354860', SettledDate: '' } });
  });

  it('reports JSON syntax errors, unknown fields and missing required fields with the file name', async () => {
    const broken = dir.path('broken.json');
    writeFileSync(broken, '{"columns": {');
    const a = await readMappingFile(broken, 'invoices');
    expect(a.ok ? [] : a.error.map((e) => [e.code, e.params.reason, e.params.file])).toEqual([
      ['invalid_field', 'not_json', broken],
    ]);
    const wrong = dir.path('wrong.json');
    writeFileSync(wrong, JSON.stringify({ columns: { payment_id: 'id', buyer: 'c' }, defaults: { currency: 'EUR' } }));
    const b = await readMappingFile(wrong, 'payments');
    expect(b.ok ? [] : b.error.map((e) => [e.code, e.params.field])).toEqual([
      ['invalid_field', 'columns.buyer'],
      ['missing_field', 'buyer_id'],
      ['missing_field', 'payment_date'],
      ['missing_field', 'amount'],
    ]);
    expect((await readMappingFile(dir.path('nope.json'), 'payments')).ok).toBe(false);
  });
});
