import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { formatPercent } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

/** The grade of the last grade run, with its reasons in the chosen language (the API's `lang`). */
export function BuyerGrade({ id, asOf }: { id: string; asOf: string }) {
  const { t, lang } = useI18n();
  const grade = useApi(
    () => api.GET('/buyers/{id}/grade', { params: { path: { id }, query: { asOf, lang } } }),
    [id, asOf, lang],
  );
  const g = grade.data;
  return (
    <section className="panel">
      <h2>{t('buyer.grade')}</h2>
      {g === undefined ? (
        <p className="muted">{grade.loading ? t('common.loading') : t('buyer.noGrade')}</p>
      ) : (
        <>
          <p className={`grade tier-${g.tier}`} data-testid="grade">
            {t('buyer.gradeValue', { grade: g.grade, tier: t(`tier.${g.tier}`), pd: formatPercent(lang, g.pd * 100) })}
          </p>
          <p className="muted">{t('buyer.gradedAsOf', { date: g.gradedAsOf })}</p>
          <ul className="reasons">
            {g.reasons.map((r) => (
              <li key={r.code}>{r.text}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
