import { auc, brier, type CalibrationRow, calibration, type GbdtModel, ks, ok, pd, type Result } from '@credence/core';
import type { ImportFailure, RowSource } from '../import/source';
import { readModelRows } from './model-rows';

export interface Evaluation {
  readonly file: string;
  readonly rows: number;
  readonly positives: number;
  readonly auc: number;
  readonly ks: number;
  readonly brier: number;
  readonly calibration: readonly CalibrationRow[];
}

/** How well a model's PDs rank and match the outcomes of a labelled file. */
export async function evaluateModel(
  model: GbdtModel,
  source: RowSource,
  options: { label?: string; groups?: number } = {},
): Promise<Result<Evaluation, ImportFailure>> {
  const r = await readModelRows(source, {
    withLabels: true,
    features: model.features,
    ...(options.label !== undefined ? { label: options.label } : {}),
  });
  if (!r.ok) return r;
  const pds = r.value.rows.map((x) => pd(model, x));
  const labels = r.value.labels;
  return ok({
    file: source.file,
    rows: pds.length,
    positives: labels.filter((y) => y === 1).length,
    auc: auc(pds, labels),
    ks: ks(pds, labels),
    brier: brier(pds, labels),
    calibration: calibration(pds, labels, options.groups ?? 10),
  });
}
