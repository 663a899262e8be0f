/**
 * Calls of concurrent requests, run together (issue 12): while fewer than `inFlight` runs are under way, a call
 * goes at once, alone; when all are, the calls that arrive wait and go together (up to `maxBatch` of them) as
 * soon as one returns. Under load one round trip serves several requests; alone, a call waits for nothing.
 * `run` answers each key of a batch, in order; when it throws, every call of the batch fails with its error.
 */
export function batcher<K, R>(
  run: (keys: readonly K[]) => Promise<readonly R[]>,
  options: { readonly inFlight: number; readonly maxBatch: number },
): (key: K) => Promise<R> {
  interface Waiting {
    readonly key: K;
    resolve(r: R): void;
    reject(e: unknown): void;
  }
  const waiting: Waiting[] = [];
  let running = 0;
  const pump = (): void => {
    while (running < options.inFlight && waiting.length > 0) {
      const batch = waiting.splice(0, options.maxBatch);
      running++;
      run(batch.map((w) => w.key))
        .then(
          (answers) => {
            for (const [i, w] of batch.entries()) w.resolve(answers[i] as R);
          },
          (e: unknown) => {
            for (const w of batch) w.reject(e);
          },
        )
        .finally(() => {
          running--;
          pump();
        });
    }
  };
  return (key) =>
    new Promise((resolve, reject) => {
      waiting.push({ key, resolve, reject });
      pump();
    });
}
