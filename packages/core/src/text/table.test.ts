import { describe, expect, it } from 'vitest';
import { renderTable } from './table';
import { displayWidth, pad } from './width';

describe('displayWidth and pad', () => {
  it('counts East Asian wide and full-width characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('上海贸易')).toBe(8);
    expect(displayWidth('Ａ1')).toBe(3);
    expect(pad('台北', 6, 'left')).toBe('台北  ');
    expect(pad('12', 4, 'right')).toBe('  12');
    expect(pad('toolong', 3, 'left')).toBe('toolong');
  });
});

describe('renderTable', () => {
  it('aligns CJK names with Latin ones, right-aligns amounts, and puts totals under a rule', () => {
    const table = renderTable(
      [{ header: 'Buyer' }, { header: 'Open', align: 'right' }],
      [
        ['上海', '1.00'],
        ['Acme', '100.00'],
      ],
      ['Total', '101.00'],
    );
    expect(table.split('\n')).toEqual([
      'Buyer    Open',
      '─────  ──────',
      '上海     1.00',
      'Acme   100.00',
      '─────  ──────',
      'Total  101.00',
    ]);
  });
});
