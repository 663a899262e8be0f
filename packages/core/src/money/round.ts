/** The one place where money is rounded. Every rounding in Credence goes through these functions. */
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'floor' | 'ceiling';

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/**
 * numerator / denominator rounded to an integer with an explicit mode.
 * 'half-up' rounds halves away from zero (commercial rounding); 'down' truncates toward zero.
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = abs(numerator);
  const d = abs(denominator);
  const q = n / d;
  const r = n % d;
  let magnitude = q;
  if (r !== 0n) {
    const twice = 2n * r;
    switch (mode) {
      case 'half-up':
        if (twice >= d) magnitude = q + 1n;
        break;
      case 'half-even':
        if (twice > d || (twice === d && q % 2n === 1n)) magnitude = q + 1n;
        break;
      case 'down':
        break;
      case 'floor':
        if (negative) magnitude = q + 1n;
        break;
      case 'ceiling':
        if (!negative) magnitude = q + 1n;
        break;
    }
  }
  return negative ? -magnitude : magnitude;
}

/**
 * Split `total` in proportion to `weights` with the largest-remainder method:
 * parts are floored, then the units left over go to the largest remainders (ties: earliest index).
 * The parts always add up to `total` exactly.
 */
export function splitLargestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  const sumW = weights.reduce((a, b) => a + b, 0n);
  if (weights.length === 0) throw new RangeError('no weights');
  if (sumW <= 0n || weights.some((w) => w < 0n)) throw new RangeError('weights must be >= 0 with a positive sum');
  const sign = total < 0n ? -1n : 1n;
  const t = abs(total);
  const parts = weights.map((w) => (t * w) / sumW);
  const remainders = weights.map((w, i) => ({ i, r: (t * w) % sumW }));
  let left = t - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((p) => p * sign);
}

/**
 * numerator / denominator as a decimal string with `places` decimals, rounded once with an explicit mode
 * (a ratio or a number of days from exact minor-unit amounts, never through a float): 2779 / 1480, 2 places →
 * "1.88". Null when the denominator is not positive: such a ratio means nothing.
 */
export function decimalQuotient(
  numerator: bigint,
  denominator: bigint,
  places: number,
  mode: RoundingMode = 'half-up',
): string | null {
  if (denominator <= 0n) return null;
  const scale = 10n ** BigInt(places);
  const q = divideRounded(numerator * scale, denominator, mode);
  const negative = q < 0n;
  const s = abs(q)
    .toString()
    .padStart(places + 1, '0');
  const body = places === 0 ? s : `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`;
  return negative ? `-${body}` : body;
}
