import { describe, expect, it } from 'vitest';
import { csvCell, csvField, renderCsv } from './csv';

describe('CSV output', () => {
  it('neutralises text cells a spreadsheet would run as formulas (OWASP CSV injection)', () => {
    for (const bad of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(1+1)', '\tcmd', '\rcmd']) {
      expect(csvCell(bad, 'text')).toBe(`'${bad}`);
    }
    for (const plain of ['Acme', "O'Brien", '1 = 1', 'a-b', '', ' =x']) expect(csvCell(plain, 'text')).toBe(plain);
  });

  it('leaves plain numbers in number columns as numbers; anything else there is treated as text', () => {
    for (const n of ['-12.50', '0', '12', '-0.000001', '1e-7', '-1.5E+3']) expect(csvCell(n, 'number')).toBe(n);
    expect(csvCell('-12.50', 'text')).toBe("'-12.50");
    expect(csvCell('-1+cmd|x', 'number')).toBe("'-1+cmd|x");
    expect(csvCell('=1+1', 'number')).toBe("'=1+1");
  });

  it('quotes as RFC 4180 asks, edge spaces kept', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(' x')).toBe('" x"');
    expect(csvField('plain')).toBe('plain');
  });

  it('renders a report: text columns neutralised, number columns kept, the header as well', () => {
    const text = renderCsv(
      ['buyer_id', 'buyer_name', 'total'],
      [
        ['B1', '=HYPERLINK("http://evil","click")', '-12.50'],
        ['B2', '@SUM(1+1)', '100.00'],
      ],
      ['total'],
    );
    expect(text).toBe(
      'buyer_id,buyer_name,total\nB1,"\'=HYPERLINK(""http://evil"",""click"")",-12.50\nB2,\'@SUM(1+1),100.00\n',
    );
  });
});
