import { api } from '../api/client';
import { useApi } from '../api/use-api';
import type { MessageKey } from '../i18n/en';
import { formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

/** The recommended limit of a buyer (GET /buyers/{id}/limit-recommendation): the amount, the method that decided it, its figures. */
export function LimitAdvice({ buyerId, asOf }: { buyerId: string; asOf: string }) {
  const { t, lang } = useI18n();
  const rec = useApi(
    () => api.GET('/buyers/{id}/limit-recommendation', { params: { path: { id: buyerId }, query: { asOf, lang } } }),
    [buyerId, asOf, lang],
  );
  if (rec.error !== undefined) return <span className="muted">{t('desk.noAdvice')}</span>;
  const r = rec.data;
  if (r === undefined) return <span className="muted">{t('common.loading')}</span>;
  const method = t(`desk.method.${r.decidedBy}` as MessageKey);
  return (
    <div className="advice">
      <span className="num-strong">{formatMoney(lang, r.limit)}</span>
      <span className="muted small">{t('desk.decidedBy', { method, grade: r.grade.grade })}</span>
      <details>
        <summary>{t('desk.figures')}</summary>
        <ul className="reasons">
          {r.figures.map((f) => (
            <li key={f.method}>{f.text}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
