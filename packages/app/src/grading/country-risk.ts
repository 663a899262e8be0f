import { createRequire } from 'node:module';
import { fail, ok, type Result } from '@credence/core';
import type Countries from 'i18n-iso-countries';

/** OECD country risk class by ISO 3166 alpha-3 code: 0 … 7, or 'unclassified' (high-income, not reviewed). */
export type CountryRiskTable = ReadonlyMap<string, number | 'unclassified'>;

let loaded: typeof Countries | undefined;
/** The country code tables, loaded on first use rather than at the CLI's start-up. */
const countries = (): typeof Countries =>
  (loaded ??= createRequire(import.meta.url)('i18n-iso-countries') as typeof Countries);

/** Builds the table from the OECD file's rows (`iso3`, `current_classification`: 0 … 7 or `-`). */
export function countryRiskTable(
  rows: readonly { readonly iso3: string; readonly classification: string }[],
): Result<CountryRiskTable> {
  const table = new Map<string, number | 'unclassified'>();
  for (const r of rows) {
    const code = r.iso3.trim().toUpperCase();
    const c = r.classification.trim();
    if (!/^[A-Z]{3}$/.test(code)) return fail('invalid_field', { field: 'iso3', value: r.iso3 });
    if (c === '-' || c === '') table.set(code, 'unclassified');
    else if (/^[0-7]$/.test(c)) table.set(code, Number(c));
    else return fail('invalid_field', { field: 'current_classification', value: r.classification, iso3: code });
  }
  return ok(table);
}

/** A buyer's country (alpha-2 or alpha-3) in the table; undefined when the code or the country is unknown. */
export function countryClass(table: CountryRiskTable, country: string): number | 'unclassified' | undefined {
  const code = country.trim().toUpperCase();
  const alpha3 = code.length === 2 ? countries().alpha2ToAlpha3(code) : code;
  return alpha3 === undefined ? undefined : table.get(alpha3);
}
