import type { Schemas } from '../api/client';
import { formatMoney, formatNumber, formatPercent } from '../i18n/format';
import { type Lang, useI18n } from '../i18n/i18n';

/** DSO (standard and countback), ADD, CEI and the overdue share per currency, as the API computes them. */
export function KpiTable({ rows, lang }: { rows: Schemas['Kpis']['perCurrency']; lang: Lang }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('kpi.currency')}</th>
            <th scope="col" className="num">
              {t('kpi.totalAr')}
            </th>
            <th scope="col" className="num">
              {t('kpi.overdueAr')}
            </th>
            <th scope="col" className="num">
              {t('kpi.overduePercent')}
            </th>
            <th scope="col" className="num">
              {t('kpi.countbackDso')}
            </th>
            <th scope="col" className="num">
              {t('kpi.dso')}
            </th>
            <th scope="col" className="num">
              {t('kpi.add')}
            </th>
            <th scope="col" className="num">
              {t('kpi.cei')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((k) => (
            <tr key={k.currency}>
              <th scope="row">{k.currency}</th>
              <td className="num">{formatMoney(lang, k.totalAr)}</td>
              <td className="num">{formatMoney(lang, k.overdueAr)}</td>
              <td className="num">{formatPercent(lang, k.overduePercent)}</td>
              <td className="num">{formatNumber(lang, k.countbackDso)}</td>
              <td className="num">{formatNumber(lang, k.dso)}</td>
              <td className="num">{formatNumber(lang, k.averageDaysDelinquent)}</td>
              <td className="num">{formatPercent(lang, k.cei)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
