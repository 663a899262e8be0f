import { type GbdtModel, type GbdtParams, ok, type Result, trainGbdt } from '@credence/core';
import { RowErrors } from '../import/errors';
import type { ImportFailure, RowSource } from '../import/source';
import { type ModelRows, readModelRows } from './model-rows';

export interface TrainOptions {
  readonly label?: string;
  /** A column naming each row: not an input. */
  readonly id?: string;
  readonly params?: Partial<GbdtParams>;
  readonly maxErrors?: number;
}

export interface Trained {
  readonly model: GbdtModel;
  readonly files: readonly { file: string; rows: number; positives: number }[];
}

/**
 * Trains a PD model on one or more labelled files with the same input columns (e.g. the yearly files
 * of the Polish bankruptcy data), all rows together. Nothing is trained if any file has a bad cell.
 */
export async function trainModel(
  sources: readonly RowSource[],
  options: TrainOptions = {},
): Promise<Result<Trained, ImportFailure>> {
  const read: ModelRows[] = [];
  for (const s of sources) {
    const first = read[0];
    const r = await readModelRows(s, {
      withLabels: true,
      ...(options.label !== undefined ? { label: options.label } : {}),
      ...(options.id !== undefined ? { id: options.id } : {}),
      ...(first !== undefined ? { features: first.features } : {}),
      ...(options.maxErrors !== undefined ? { maxErrors: options.maxErrors } : {}),
    });
    if (!r.ok) return r;
    if (first !== undefined && r.value.features.length !== first.features.length) {
      const errors = new RowErrors(s.file, 1);
      errors.add(1, '', s.columns.join(','), 'invalid_field', {
        field: 'columns',
        reason: 'other_columns',
        file: first.file,
      });
      return { ok: false, error: errors.failure() };
    }
    read.push(r.value);
  }
  const first = read[0];
  if (first === undefined) throw new RangeError('trainModel needs at least one file');
  const rows = read.flatMap((r) => r.rows);
  const labels = read.flatMap((r) => r.labels);
  const positives = labels.filter((y) => y === 1).length;
  if (positives === 0 || positives === labels.length) {
    const errors = new RowErrors(first.file, 1);
    errors.add(1, options.label ?? 'class', '', 'invalid_field', { field: 'label', reason: 'one_outcome_only' });
    return { ok: false, error: errors.failure() };
  }
  const model = trainGbdt({ features: first.features, rows, labels }, options.params);
  return ok({
    model,
    files: read.map((r) => ({ file: r.file, rows: r.rows.length, positives: r.labels.filter((y) => y === 1).length })),
  });
}
