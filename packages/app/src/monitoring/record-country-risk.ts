import { ok, type Result } from '@credence/core';
import { type CountryRiskClass, parseCountryRiskClass } from '@credence/core/monitoring';
import type { ImportFailure, RowError, RowSource } from '../import/source';
import type { Store } from '../ports';

/** What recording classes did: rows read, new or changed classes written, rows already stored as they are. */
export interface CountryRiskSummary {
  readonly rows: number;
  readonly written: number;
  readonly unchanged: number;
}

/** The columns of a country risk file (`country,class,valid_from,source`). */
export const COUNTRY_RISK_COLUMNS = ['country', 'class', 'valid_from', 'source'] as const;

/** Records one country's class from a date (`credence country-risk set CN 3 --from D --source S`). */
export async function setCountryRisk(
  store: Store,
  c: { country: string; riskClass: string; validFrom: string; source: string },
): Promise<Result<CountryRiskSummary>> {
  const parsed = parseCountryRiskClass(c);
  if (!parsed.ok) return parsed;
  return ok(await put(store, [parsed.value]));
}

/**
 * Records a file of classes, all or nothing: a row with a bad cell, or a second row for a country and date already
 * in the file with another class, rejects the file. Recording the same file again writes nothing.
 */
export async function importCountryRisk(
  store: Store,
  file: Pick<RowSource, 'file' | 'rows'>,
): Promise<Result<CountryRiskSummary, ImportFailure>> {
  const errors: RowError[] = [];
  const byKey = new Map<string, CountryRiskClass>();
  let n = 0;
  for await (const r of file.rows) {
    n++;
    const cell = (k: string) => r.values[k] ?? '';
    const p = parseCountryRiskClass({
      country: cell('country'),
      riskClass: cell('class'),
      validFrom: cell('valid_from'),
      source: cell('source'),
    });
    if (!p.ok) {
      const column = String(p.error.params.field ?? '');
      errors.push({ file: file.file, row: r.row, column, value: cell(column), ...p.error });
      continue;
    }
    const key = `${p.value.country}|${p.value.validFrom}`;
    const seen = byKey.get(key);
    if (seen !== undefined && (seen.riskClass !== p.value.riskClass || seen.source !== p.value.source))
      errors.push({
        file: file.file,
        row: r.row,
        column: 'class',
        value: cell('class'),
        code: 'invalid_field',
        params: { field: 'class', reason: 'conflicting_row', country: p.value.country, validFrom: p.value.validFrom },
      });
    else byKey.set(key, p.value);
  }
  if (errors.length > 0)
    return {
      ok: false,
      error: { code: 'import_rejected', params: { file: file.file }, errors, errorCount: errors.length },
    };
  const summary = await put(store, [...byKey.values()]);
  return ok({ ...summary, rows: n, unchanged: n - summary.written });
}

async function put(store: Store, rows: readonly CountryRiskClass[]): Promise<CountryRiskSummary> {
  const written = await store.transact((tx) => tx.putCountryRiskClasses(rows));
  return { rows: rows.length, written: written.length, unchanged: rows.length - written.length };
}
