import { useMemo } from 'react';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { DatedPage } from '../components/dated-page';
import { ForecastChart, type ForecastPoint } from '../components/forecast-chart';
import { Status } from '../components/status';
import { formatAmount, formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

/** The cash forecast (issue 17): 13 ISO weeks with their low–high band, then months; GET /forecast/cash. */
export function ForecastPage() {
  return (
    <DatedPage path="/forecast" title="forecast.title">
      {(asOf, currency) => <Forecast asOf={asOf} currency={currency} />}
    </DatedPage>
  );
}

function Forecast({ asOf, currency }: { asOf: string; currency: string }) {
  const { t, lang } = useI18n();
  const f = useApi(() => api.GET('/forecast/cash', { params: { query: { asOf, currency } } }), [asOf, currency]);
  const amount = (a: string) => formatAmount(lang, { amount: a, currency });
  const points = useMemo<ForecastPoint[]>(
    () =>
      (f.data?.weeks ?? []).map((w) => ({
        label: w.label,
        low: Number(w.low),
        mid: Number(w.mid),
        high: Number(w.high),
        texts: [amount(w.low), amount(w.mid), amount(w.high)],
      })),
    [f.data, lang],
  );
  const names = useMemo(
    () => ({
      mid: t('forecast.mid'),
      band: t('forecast.band'),
      low: t('forecast.low'),
      high: t('forecast.high'),
    }),
    [t],
  );
  return (
    <Status of={f}>
      {(d) => (
        <>
          <section className="panel" aria-labelledby="forecast-chart">
            <h2 id="forecast-chart">{t('forecast.weeks', { currency: d.currency })}</h2>
            <ForecastChart points={points} title={t('forecast.weeks', { currency: d.currency })} names={names} />
            <p className="muted">
              {t(d.method === 'model' ? 'forecast.method.model' : 'forecast.method.baseline')}{' '}
              {t('forecast.expected', { amount: amount(d.expected) })}
            </p>
          </section>
          <section className="panel" aria-labelledby="forecast-table">
            <h2 id="forecast-table">{t('forecast.table')}</h2>
            <div className="table-wrap">
              <table data-testid="forecast-table">
                <thead>
                  <tr>
                    <th scope="col">{t('forecast.period')}</th>
                    <th scope="col">{t('forecast.from')}</th>
                    <th scope="col" className="num">
                      {t('forecast.low')}
                    </th>
                    <th scope="col" className="num">
                      {t('forecast.mid')}
                    </th>
                    <th scope="col" className="num">
                      {t('forecast.high')}
                    </th>
                    <th scope="col" className="num">
                      {t('forecast.promises')}
                    </th>
                    <th scope="col" className="num">
                      {t('forecast.plans')}
                    </th>
                    <th scope="col" className="num">
                      {t('forecast.predicted')}
                    </th>
                    <th scope="col" className="num">
                      {t('forecast.indemnities')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...d.weeks, ...d.months].map((p) => (
                    <tr key={p.label}>
                      <th scope="row">{p.label}</th>
                      <td>{formatDate(lang, p.start)}</td>
                      <td className="num">{amount(p.low)}</td>
                      <td className="num">{amount(p.mid)}</td>
                      <td className="num">{amount(p.high)}</td>
                      <td className="num">{amount(p.sources?.promise ?? '0')}</td>
                      <td className="num">{amount(p.sources?.plan ?? '0')}</td>
                      <td className="num">{amount(p.sources?.predicted ?? '0')}</td>
                      <td className="num">{amount(p.sources?.indemnity ?? '0')}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">{t('forecast.later')}</th>
                    <td />
                    <td />
                    <td className="num">{amount(d.beyond)}</td>
                    <td colSpan={5} />
                  </tr>
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </Status>
  );
}
