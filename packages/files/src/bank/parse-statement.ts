import { looksLikeCamt, parseCamt } from './camt';
import { looksLikeBankCsv, parseBankCsv } from './csv';
import { type BankEncoding, decodeStatement } from './decode';
import { looksLikeMt940, parseMt940 } from './mt940';
import type { BankParseResult } from './result';

/** The file formats `credence import bank-statement` reads. */
export const BANK_FORMATS = ['camt', 'mt940', 'csv'] as const;
export type BankFormat = (typeof BANK_FORMATS)[number];

/** The format of a statement's text: camt.053/054, MT940 by its fields, or a CSV export by its header. */
export function detectBankFormat(text: string): BankFormat | undefined {
  if (looksLikeCamt(text)) return 'camt';
  if (looksLikeMt940(text)) return 'mt940';
  if (looksLikeBankCsv(text)) return 'csv';
  return undefined;
}

export interface BankReadOptions {
  readonly format?: BankFormat;
  readonly encoding?: BankEncoding;
}

/**
 * A statement file's bytes to its statements (pure: no IO): decoded (BOM, named, declared, UTF-8 or
 * ISO-8859-15), its format detected unless named, parsed. Every problem is an error naming its place.
 */
export function parseBankStatement(bytes: Uint8Array, options: BankReadOptions = {}): BankParseResult {
  const { text } = decodeStatement(bytes, options.encoding);
  const format = options.format ?? detectBankFormat(text);
  if (format === undefined)
    return {
      ok: false,
      errors: [
        {
          reason:
            'neither a camt.053/camt.054 document, nor an MT940 file, nor a CSV export with booking_date, amount and currency',
        },
      ],
    };
  if (format === 'csv') return parseBankCsv(text, bytes);
  return format === 'camt' ? parseCamt(text) : parseMt940(text);
}
