import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { NUMBER_FIELDS } from '@credence/app';
import { type CsvType, csvLine, csvTypes } from '@credence/core';
import type { Portfolio, PortfolioPlan } from '../portfolio';
import { BUYER_COLUMNS, FX_RATE_COLUMNS, INVOICE_COLUMNS, PAYMENT_COLUMNS } from '../rows';

export { csvField } from '@credence/core';

/** The canonical import columns that hold plain numbers (a negative statement line stays a number). */
const NUMBER_COLUMNS: ReadonlySet<string> = new Set([...NUMBER_FIELDS, 'payment_terms_days', 'fiscal_year']);

/** Writes rows to a CSV file through a buffer, so a million rows cost a few hundred writes. */
export class CsvFileWriter {
  private readonly fd: number;
  private readonly types: readonly CsvType[];
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    readonly path: string,
    private readonly columns: readonly string[],
  ) {
    this.fd = openSync(path, 'w');
    this.types = csvTypes(columns, NUMBER_COLUMNS);
    this.push(csvLine(columns, csvTypes(columns, [])));
  }

  write(row: Readonly<Record<string, string>>): void {
    this.push(
      csvLine(
        this.columns.map((c) => row[c] ?? ''),
        this.types,
      ),
    );
    this.rows += 1;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private push(line: string): void {
    this.buffer.push(line);
    this.size += line.length;
    if (this.size >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }
}

export interface PortfolioFiles {
  readonly buyers: string;
  readonly invoices: string;
  readonly payments: string;
  readonly fxRates: string;
  readonly counts: {
    readonly buyers: number;
    readonly documents: number;
    readonly payments: number;
    readonly fxRates: number;
  };
}

/**
 * Writes a portfolio as the four canonical import files (buyers.csv, invoices.csv, payments.csv,
 * fx-rates.csv) into `dir`. A plan is streamed buyer by buyer, so memory stays flat for 1 M invoices.
 */
export function writePortfolioCsv(
  dir: string,
  portfolio: PortfolioPlan | Portfolio,
  onBuyer?: (done: number, total: number) => void,
): PortfolioFiles {
  mkdirSync(dir, { recursive: true });
  const buyers = new CsvFileWriter(join(dir, 'buyers.csv'), BUYER_COLUMNS);
  const invoices = new CsvFileWriter(join(dir, 'invoices.csv'), INVOICE_COLUMNS);
  const payments = new CsvFileWriter(join(dir, 'payments.csv'), PAYMENT_COLUMNS);
  const fxRates = new CsvFileWriter(join(dir, 'fx-rates.csv'), FX_RATE_COLUMNS);
  try {
    for (const b of portfolio.buyers) buyers.write(b);
    for (const r of portfolio.fxRates) fxRates.write(r);
    if ('ledger' in portfolio) {
      let done = 0;
      for (const chunk of portfolio.ledger()) {
        for (const d of chunk.documents) invoices.write(d);
        for (const p of chunk.payments) payments.write(p);
        done += 1;
        if (onBuyer && done % 1000 === 0) onBuyer(done, portfolio.buyers.length);
      }
    } else {
      for (const d of portfolio.documents) invoices.write(d);
      for (const p of portfolio.payments) payments.write(p);
    }
  } finally {
    for (const w of [buyers, invoices, payments, fxRates]) w.close();
  }
  return {
    buyers: buyers.path,
    invoices: invoices.path,
    payments: payments.path,
    fxRates: fxRates.path,
    counts: { buyers: buyers.rows, documents: invoices.rows, payments: payments.rows, fxRates: fxRates.rows },
  };
}
