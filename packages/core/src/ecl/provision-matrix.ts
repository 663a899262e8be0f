import { divideRounded } from '../money/round';
import { fail, ok, type Result } from '../result';
import { type Fraction, ONE, times } from './loss-rate';

/** One aging bucket's exposure (in minor units of the reporting currency) and its insured part. */
export interface ExposureBucket {
  readonly label: string;
  readonly exposure: bigint;
  /** The part of the exposure covered by credit insurance (0 or absent when none). */
  readonly insured?: bigint;
  /**
   * What the cover pays on the insured part, exact (minor units as a fraction): Σ insured × cover of each policy.
   * When given it is used instead of `insured` × the options' single `cover` (several policies, several covers).
   */
  readonly covered?: Fraction;
}

export interface ProvisionOptions {
  /** Forward-looking adjustment: the historical rate times this factor (1 = none). */
  readonly factor?: Fraction;
  /** Share of an insured exposure the cover pays (e.g. 90 %): that part carries no loss. */
  readonly cover?: Fraction;
}

export interface ProvisionRow {
  readonly label: string;
  readonly exposure: bigint;
  /** The rate applied: the bucket's loss rate times the forward-looking factor. */
  readonly lossRate: Fraction;
  readonly provision: bigint;
  /** The insured part of the exposure, when the bucket has one. */
  readonly insured?: bigint;
}

export interface ProvisionMatrix {
  readonly buckets: readonly ProvisionRow[];
  readonly total: bigint;
}

/**
 * The IFRS 9 simplified approach with a provision matrix: per aging bucket, lifetime expected credit loss =
 * (exposure − insured part × cover) × loss rate × forward-looking factor (never below zero), computed exactly and rounded once,
 * half up to the minor unit, per bucket; the total is the sum of the buckets (the table adds up).
 */
export function provisionMatrix(
  buckets: readonly ExposureBucket[],
  rates: Readonly<Record<string, Fraction>>,
  options: ProvisionOptions = {},
): Result<ProvisionMatrix> {
  const factor = options.factor ?? ONE;
  const cover = options.cover ?? { num: 0n, den: 1n };
  const rows: ProvisionRow[] = [];
  for (const b of buckets) {
    const rate = rates[b.label];
    if (rate === undefined) return fail('missing_field', { field: 'rates', label: b.label });
    const applied = times(rate, factor);
    const insured = b.insured ?? 0n;
    const covered = b.covered ?? { num: insured * cover.num, den: cover.den };
    // exposure − what the cover pays, kept exact over its denominator; never below zero.
    const left = b.exposure * covered.den - covered.num;
    const atRisk = left > 0n ? left : 0n;
    const provision = divideRounded(atRisk * applied.num, covered.den * applied.den, 'half-up');
    rows.push({
      label: b.label,
      exposure: b.exposure,
      lossRate: applied,
      provision,
      ...(insured > 0n ? { insured } : {}),
    });
  }
  return ok({ buckets: rows, total: rows.reduce((s, r) => s + r.provision, 0n) });
}
