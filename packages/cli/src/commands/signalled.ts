/**
 * The first SIGINT or SIGTERM (then a long-running command stops cleanly). The listeners stay until `dispose`,
 * after the store is closed: while one listens, the embedded store's lock hook does not re-raise the signal.
 */
export function signalled(): { readonly received: Promise<NodeJS.Signals>; dispose(): void } {
  let on: (s: NodeJS.Signals) => void = () => {};
  const received = new Promise<NodeJS.Signals>((resolve) => {
    on = resolve;
  });
  process.on('SIGINT', on);
  process.on('SIGTERM', on);
  return {
    received,
    dispose: () => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
    },
  };
}
