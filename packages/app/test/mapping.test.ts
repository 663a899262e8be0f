import { describe, expect, it } from 'vitest';
import { parseMapping } from '../src/import/mapping';

const problems = (json: unknown, kind: Parameters<typeof parseMapping>[1] = 'invoices') => {
  const r = parseMapping(json, kind);
  return r.ok ? [] : r.error.map((p) => [p.code, p.params.field ?? '', p.params.reason ?? '']);
};

describe('parseMapping', () => {
  it('accepts a complete mapping and fills defaults', () => {
    const r = parseMapping(
      {
        columns: { payment_id: 'No', document_number: 'No', buyer_id: 'C', payment_date: 'D', amount: 'A' },
        defaults: { currency: 'USD' },
        dateFormat: 'M/D/YYYY',
      },
      'payments',
    );
    expect(r).toMatchObject({ ok: true, value: { decimalSeparator: '.', thousandsSeparator: '', skipIf: {} } });
  });

  it('names unknown fields, unmapped required fields and bad options', () => {
    expect(
      problems({
        columns: { document_number: 'N', buyer: 'C', amount: 1 },
        defaults: { currency: 'EUR' },
        skipIf: { due_date: 'blank' },
        dateFormat: 'whenever',
        decimalSeparator: ';',
        colour: 'red',
      }),
    ).toEqual([
      ['invalid_field', 'colour', 'unknown_key'],
      ['invalid_field', 'columns.amount', 'not_a_string'],
      ['invalid_field', 'skipIf.due_date', 'bad_condition'],
      ['invalid_field', 'columns.buyer', 'unknown_field'],
      ['missing_field', 'buyer_id', ''],
      ['missing_field', 'issue_date', ''],
      ['missing_field', 'due_date', ''],
      ['missing_field', 'amount', ''],
      ['invalid_field', 'dateFormat', 'bad_value'],
      ['invalid_field', 'decimalSeparator', 'bad_value'],
    ]);
  });

  it('rejects a thousands separator equal to the decimal separator, and non-objects', () => {
    const cols = { date: 'd', from_currency: 'f', to_currency: 't', rate: 'r' };
    expect(problems({ columns: cols, decimalSeparator: ',', thousandsSeparator: ',' }, 'fx-rates')).toEqual([
      ['invalid_field', 'thousandsSeparator', 'same_as_decimal'],
    ]);
    expect(problems([1, 2])).toEqual([['invalid_field', '', 'not_an_object']]);
  });

  it('takes the file encoding as a name for the file reader to check; not a name-like string is refused', () => {
    const cols = { date: 'd', from_currency: 'f', to_currency: 't', rate: 'r' };
    expect(parseMapping({ columns: cols, encoding: 'GB18030' }, 'fx-rates')).toMatchObject({
      ok: true,
      value: { encoding: 'GB18030' },
    });
    expect(problems({ columns: cols, encoding: 'gb 18030' }, 'fx-rates')).toEqual([
      ['invalid_field', 'encoding', 'bad_value'],
    ]);
    expect(problems({ columns: cols, encoding: '' }, 'fx-rates')).toEqual([['invalid_field', 'encoding', 'bad_value']]);
  });
});
