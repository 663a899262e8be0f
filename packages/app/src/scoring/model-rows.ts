import { ok, type Result } from '@credence/core';
import { RowErrors } from '../import/errors';
import type { ImportFailure, RowSource } from '../import/source';

/** Rows of a file as model inputs: numbers in the order of `features` (NaN = missing), labels when asked. */
export interface ModelRows {
  readonly file: string;
  readonly features: readonly string[];
  readonly rows: Float64Array[];
  /** 1 = defaulted, 0 = not; empty when the file was read without labels. */
  readonly labels: number[];
  /** Each row's number in the file (header = 1), for messages and output order. */
  readonly rowNumbers: number[];
  /** The `id` column's value per row, when one was named. */
  readonly ids: string[];
}

export interface ModelRowsOptions {
  /** The label column; default `class`, else `default`, else `label`, whichever the file has. */
  readonly label?: string;
  /** Read labels (training, evaluation) or not (scoring). */
  readonly withLabels: boolean;
  /** The inputs, in order (a model's); default: every column but the label and the id. */
  readonly features?: readonly string[];
  /** A column that names the row (kept in the output, not an input). */
  readonly id?: string;
  readonly maxErrors?: number;
}

const LABEL_COLUMNS = ['class', 'default', 'label'];
const MISSING = new Set(['', '?', 'NA', 'N/A', 'NaN', 'nan', 'null']);

/** A cell as a number: empty, `?`, NA… are missing (NaN); anything else must be a finite decimal. */
export function cellNumber(text: string): number | undefined {
  const t = text.trim();
  if (MISSING.has(t)) return Number.NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/** Reads a labelled (or unlabelled) table of numbers, all or nothing, with an error per bad cell. */
export async function readModelRows(
  source: RowSource,
  options: ModelRowsOptions,
): Promise<Result<ModelRows, ImportFailure>> {
  const errors = new RowErrors(source.file, options.maxErrors ?? 100);
  const label = options.label ?? LABEL_COLUMNS.find((c) => source.columns.includes(c));
  if (options.withLabels && (label === undefined || !source.columns.includes(label)))
    errors.add(1, label ?? 'class', '', 'missing_field', {
      field: 'label',
      expected: label ?? LABEL_COLUMNS.join(' | '),
    });
  if (options.id !== undefined && !source.columns.includes(options.id))
    errors.add(1, options.id, '', 'missing_field', { field: 'id' });
  const features = options.features ?? source.columns.filter((c) => c !== label && c !== options.id);
  for (const f of features) if (!source.columns.includes(f)) errors.add(1, f, '', 'missing_field', { field: f });
  if (features.length === 0) errors.add(1, '', '', 'missing_field', { field: 'features' });
  if (errors.count > 0) return { ok: false, error: errors.failure() };

  const out: ModelRows = { file: source.file, features, rows: [], labels: [], rowNumbers: [], ids: [] };
  for await (const r of source.rows) {
    const x = new Float64Array(features.length);
    let good = true;
    features.forEach((f, k) => {
      const text = r.values[f] ?? '';
      const v = cellNumber(text);
      if (v === undefined) {
        errors.add(r.row, f, text, 'invalid_field', { field: f, reason: 'not_a_number' });
        good = false;
      } else x[k] = v;
    });
    if (options.withLabels && label !== undefined) {
      const y = (r.values[label] ?? '').trim();
      if (y !== '0' && y !== '1') {
        errors.add(r.row, label, y, 'invalid_field', { field: label, reason: 'label_not_0_or_1' });
        good = false;
      } else out.labels.push(Number(y));
    }
    if (!good) continue;
    out.rows.push(x);
    out.rowNumbers.push(r.row);
    if (options.id !== undefined) out.ids.push(r.values[options.id] ?? '');
  }
  if (errors.count > 0) return { ok: false, error: errors.failure() };
  if (out.rows.length === 0) {
    errors.add(2, '', '', 'missing_field', { field: 'rows' });
    return { ok: false, error: errors.failure() };
  }
  return ok(out);
}
