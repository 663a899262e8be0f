import { type CurrencyCode, fractionText, percentText, toDecimalString } from '@credence/core';
import type { EclFigures, EclResult } from './report-ecl';

const amount = (a: bigint, c: CurrencyCode) => toDecimalString({ amount: a, currency: c });

function figuresJson(f: EclFigures, c: CurrencyCode) {
  return {
    asOf: f.asOf,
    buckets: f.buckets.map((b) => ({
      label: b.label,
      exposure: amount(b.exposure, c),
      ...(b.insured !== undefined ? { insured: amount(b.insured, c) } : {}),
      lossRate: percentText(b.lossRate),
      provision: amount(b.provision, c),
    })),
    total: amount(f.total, c),
  };
}

/**
 * The expected credit loss as `report ecl --format json` prints it and `GET /reports/ecl` answers it:
 * {asOf, currency, buckets: [{label, exposure, insured?, lossRate, provision}], total, rates, segments?, compare?,
 * movement?}: `insured` where a credit insurance policy insures part of a bucket, `segments` with `by`.
 */
export function eclJson(r: EclResult) {
  const { asOf, ...main } = figuresJson(r, r.currency);
  return {
    asOf,
    currency: r.currency as string,
    ...main,
    rates: r.rates.source,
    ...(r.segments !== undefined
      ? {
          segments: r.segments.map((x) => ({
            segment: x.segment,
            factor: fractionText(x.factor),
            rates: x.rates.source,
            ...figuresJson({ asOf: r.asOf, buckets: x.buckets, total: x.total, rates: x.rates }, r.currency),
          })),
        }
      : {}),
    ...(r.compare !== undefined
      ? { compare: figuresJson(r.compare, r.currency), movement: amount(r.compare.movement, r.currency) }
      : {}),
  };
}
