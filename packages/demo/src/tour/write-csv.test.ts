import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { date } from '@credence/core';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePortfolio, planPortfolio } from '../portfolio';
import { CsvFileWriter, csvField, writePortfolioCsv } from './write-csv';

const tmp = { dir: mkdtempSync(join(tmpdir(), 'credence-demo-csv-')) };
afterAll(() => rmSync(tmp.dir, { recursive: true, force: true }));
const read = (path: string): Record<string, string>[] =>
  parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];

describe('writePortfolioCsv', () => {
  it('quotes only what needs quoting', () => {
    expect(csvField('Müller GmbH & Co. KG')).toBe('Müller GmbH & Co. KG');
    expect(csvField('Smith, Jones Ltd')).toBe('"Smith, Jones Ltd"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('')).toBe('');
  });

  it('writes the four canonical files that read back to the same rows', () => {
    const endDate = date('2025-06-30');
    const p = generatePortfolio({ seed: 5, size: 'small', endDate });
    const files = writePortfolioCsv(`${tmp.dir}/mem`, p);
    expect(read(files.buyers)).toEqual(p.buyers);
    expect(read(files.invoices)).toEqual(p.documents);
    expect(read(files.payments)).toEqual(p.payments);
    expect(read(files.fxRates)).toEqual(p.fxRates);
    expect(files.counts.documents).toBe(p.documents.length);
    const header = readFileSync(files.invoices, 'utf8').split('\n')[0];
    expect(header).toBe(
      'document_number,buyer_id,issue_date,due_date,amount,currency,type,delivery_date,order_ref,applies_to',
    );
    // The streamed plan writes byte-identical files.
    const streamed = writePortfolioCsv(`${tmp.dir}/plan`, planPortfolio({ seed: 5, size: 'small', endDate }));
    expect(readFileSync(streamed.payments, 'utf8')).toBe(readFileSync(files.payments, 'utf8'));
    expect(readFileSync(streamed.invoices, 'utf8')).toBe(readFileSync(files.invoices, 'utf8'));
  });

  it('neutralises formula-like text but keeps negative numbers in number columns', () => {
    const path = `${tmp.dir}/statements.csv`;
    const w = new CsvFileWriter(path, ['buyer_id', 'fiscal_year', 'net_profit', 'amount']);
    w.write({ buyer_id: '=1+1', fiscal_year: '2024', net_profit: '-12.50', amount: '-3' });
    w.close();
    expect(readFileSync(path, 'utf8')).toBe("buyer_id,fiscal_year,net_profit,amount\n'=1+1,2024,-12.50,-3\n");
  });
});
