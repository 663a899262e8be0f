import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { problemWords } from './problem';

export interface Action {
  readonly busy: boolean;
  /** The API's refusal in the user's language; the API's English detail too when the catalogue has no words for its rule. */
  readonly error: { readonly message: string; readonly detail?: string } | undefined;
  /** Makes the call; its answer when it succeeded, else undefined (the error is set). */
  run<T>(call: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T | undefined>;
}

/** One write of a form: busy while it runs, the problem in words when the API refuses it. */
export function useAction(): Action {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Action['error']>();
  const run: Action['run'] = async (call) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await call();
      if (r.response.ok) return r.data;
      const detail = (r.error as { detail?: unknown } | undefined)?.detail;
      const words = problemWords(t, r.error);
      setError({ message: words.text, ...(typeof detail === 'string' && !words.specific ? { detail } : {}) });
      return undefined;
    } catch (e) {
      setError({ message: t('problem.other'), detail: e instanceof Error ? e.message : String(e) });
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
