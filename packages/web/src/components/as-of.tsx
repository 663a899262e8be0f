import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useI18n } from '../i18n/i18n';
import { href, navigate, useLocation } from '../router';

/** The date of the figures: `?asOf=`, else today as the server counts it (the creditor's time zone). */
export function useAsOf(): string | undefined {
  const asked = useLocation().query.get('asOf');
  // Asked only when the page has no date: the server's today (one request less on the first paint).
  const health = useApi(
    () => (asked === null ? api.GET('/health') : Promise.resolve({ data: undefined, error: undefined })),
    [asked === null],
  );
  return asked ?? health.data?.today;
}

/** The date picker: changing it keeps the other parameters of the page. */
export function AsOfPicker({ asOf }: { asOf: string }) {
  const { t } = useI18n();
  const { path, query } = useLocation();
  const change = (v: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return;
    navigate(href(path, { ...Object.fromEntries(query), asOf: v, page: undefined }));
  };
  return (
    <label className="inline">
      {t('common.asOf')} <input type="date" value={asOf} onChange={(e) => change(e.target.value)} />
    </label>
  );
}
