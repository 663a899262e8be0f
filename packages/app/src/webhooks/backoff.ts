/** Attempts before a delivery is given up as failed. */
export const WEBHOOK_MAX_ATTEMPTS = 10;
const FIRST_RETRY_SECONDS = 30;
const LONGEST_WAIT_SECONDS = 3_600;

/**
 * The wait after failed attempt `n` (1, 2, …): 30 s × 2^(n−1), at most an hour — 30 s, 1 min, 2, 4, 8, 16, 32 min,
 * then hourly; ten attempts span about three hours.
 */
export function webhookRetrySeconds(attempt: number): number {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempt - 1), LONGEST_WAIT_SECONDS);
}
