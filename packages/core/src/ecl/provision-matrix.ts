import { divideRounded } from '../money/round';
import { fail, ok, type Result } from '../result';
import { type Fraction, ONE, times } from './loss-rate';

/** One aging bucket's exposure (in minor units of the reporting currency) and its insured part. */
export interface ExposureBucket {
  readonly label: string;
  readonly exposure: bigint;
  /** The part of the exposure covered by credit insurance (0 or absent when none). */
  readonly insured?: bigint;
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
}

export interface ProvisionMatrix {
  readonly buckets: readonly ProvisionRow[];
  readonly total: bigint;
}

/**
 * The IFRS 9 simplified approach with a provision matrix: per aging bucket, lifetime expected credit loss =
 * (exposure − insured part × cover) × loss rate × forward-looking factor, computed exactly and rounded once,
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
    // exposure − insured × cover, kept exact over cover's denominator.
    const atRisk = b.exposure * cover.den - insured * cover.num;
    const provision = divideRounded(atRisk * applied.num, cover.den * applied.den, 'half-up');
    rows.push({ label: b.label, exposure: b.exposure, lossRate: applied, provision });
  }
  return ok({ buckets: rows, total: rows.reduce((s, r) => s + r.provision, 0n) });
}
