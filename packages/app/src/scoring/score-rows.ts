import { explain, type GbdtModel, ok, pd, type Result, sigmoid } from '@credence/core';
import type { ImportFailure, RowSource } from '../import/source';
import { readModelRows } from './model-rows';

/** One input's part in a score: its value and what it added to the log-odds (negative = lowered the PD). */
export interface Reason {
  readonly feature: string;
  readonly value: number;
  readonly contribution: number;
}

export interface Scored {
  readonly row: number;
  readonly id?: string;
  readonly pd: number;
  /** The largest contributions by size, largest first. */
  readonly reasons: readonly Reason[];
}

/** The reasons behind one row's score: exact TreeSHAP contributions, the `top` largest by size. */
export function topReasons(model: GbdtModel, x: ArrayLike<number>, top: number): { pd: number; reasons: Reason[] } {
  // No reasons asked (grading every buyer): the score alone, without the explanation's cost.
  if (top <= 0) return { pd: pd(model, x), reasons: [] };
  const e = explain(model, x);
  const all = [...e.contributions].map((c, k) => ({
    feature: model.features[k] ?? `#${k}`,
    value: x[k] ?? Number.NaN,
    contribution: c,
  }));
  const sum = e.expected + e.contributions.reduce((a, b) => a + b, 0);
  all.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.feature < b.feature ? -1 : 1));
  return { pd: sigmoid(sum), reasons: all.slice(0, top).filter((r) => r.contribution !== 0) };
}

/** Scores every row of a file, in file order, with its top reasons. A label column, if any, is ignored. */
export async function scoreRows(
  model: GbdtModel,
  source: RowSource,
  options: { top?: number; id?: string } = {},
): Promise<Result<Scored[], ImportFailure>> {
  const r = await readModelRows(source, {
    withLabels: false,
    features: model.features,
    ...(options.id !== undefined ? { id: options.id } : {}),
  });
  if (!r.ok) return r;
  return ok(
    r.value.rows.map((x, i) => ({
      row: r.value.rowNumbers[i] ?? 0,
      ...(options.id !== undefined ? { id: r.value.ids[i] ?? '' } : {}),
      ...topReasons(model, x, options.top ?? 3),
    })),
  );
}
