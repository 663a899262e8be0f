import type { ReactNode } from 'react';
import type { Loaded } from '../api/use-api';
import { useI18n } from '../i18n/i18n';

/** The loading line or the problem of a call, else its content. */
export function Status<T>({ of, children }: { of: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (of.error !== undefined)
    return (
      <p className="error" role="alert">
        {t('common.error', { detail: of.error })}
      </p>
    );
  if (of.data === undefined)
    return (
      <p className="muted" aria-busy="true">
        {t('common.loading')}
      </p>
    );
  return <>{children(of.data)}</>;
}
