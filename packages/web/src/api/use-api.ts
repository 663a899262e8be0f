import { useCallback, useEffect, useState } from 'react';
import { problemText } from './client';

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: string | undefined;
  readonly loading: boolean;
  reload(): void;
}

/** One API call for a component, made again when `deps` change; its answer, or the problem as a line. */
export function useApi<T>(call: () => Promise<{ data?: T; error?: unknown }>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  // The caller names what its call depends on (`deps`).
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    call().then(
      (r) =>
        live &&
        setState(
          r.data !== undefined ? { data: r.data, loading: false } : { error: problemText(r.error), loading: false },
        ),
      (e: unknown) => live && setState({ error: problemText(e), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
