import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { api, type Schemas } from '../api/client';
import { useApi } from '../api/use-api';
import { formatDate, formatMoney, formatPercent } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { href, Link, navigate } from '../router';
import { agingLabel } from './aging-label';
import { PAGE_SIZE, Pager } from './pager';
import { Status } from './status';

const TrendChart = lazy(() => import('./trend-chart').then((m) => ({ default: m.TrendChart })));
const AgingChart = lazy(() => import('./aging-chart').then((m) => ({ default: m.AgingChart })));

/** The aging at each of the last twelve month-ends (the last bar: asOf), stacked by bucket; a bar opens its documents. */
export function AgingTrend({ asOf, currency }: { asOf: string; currency: string }) {
  const { t, lang } = useI18n();
  const trend = useApi(
    () => api.GET('/reports/aging-trend', { params: { query: { asOf, reportingCurrency: currency } } }),
    [asOf, currency],
  );
  const view = useMemo(() => {
    const d = trend.data;
    if (d === undefined) return undefined;
    const months = d.points.map((p) => formatDate(lang, p.asOf));
    const series = d.labels.map((label, i) => ({
      label: agingLabel(t, label),
      values: d.points.map((p) => Number(p.buckets[i]?.amount ?? 0)),
      texts: d.points.map((p) => (p.buckets[i] ? formatMoney(lang, p.buckets[i]) : '')),
    }));
    return { months, series };
  }, [trend.data, t, lang]);
  const open = useCallback(
    (month: number, bucket: number) => {
      const at = trend.data?.points[month]?.asOf;
      if (at) navigate(href('/documents', { asOf: at, bucket, reportingCurrency: currency }));
    },
    [trend.data, currency],
  );
  return (
    <Status of={trend}>
      {() =>
        view && (
          <Suspense fallback={<div className="plot" />}>
            <TrendChart months={view.months} series={view.series} title={t('dashboard.trend')} onPoint={open} />
          </Suspense>
        )
      }
    </Status>
  );
}

/** Exposure by risk grade (a chart: a bar opens its documents) and by country (a table of links). */
export function Exposure({ asOf, currency }: { asOf: string; currency: string }) {
  const { t } = useI18n();
  const exposure = useApi(
    () => api.GET('/reports/exposure', { params: { query: { asOf, reportingCurrency: currency } } }),
    [asOf, currency],
  );
  return (
    <div className="grid-2 even">
      <section className="panel">
        <h2>{t('dashboard.byGrade')}</h2>
        <Status of={exposure}>{(e) => <ByGrade e={e} asOf={asOf} currency={currency} />}</Status>
      </section>
      <section className="panel">
        <h2>{t('dashboard.byCountry')}</h2>
        <Status of={exposure}>{(e) => <ByCountry e={e} asOf={asOf} currency={currency} />}</Status>
      </section>
    </div>
  );
}

function ByGrade({ e, asOf, currency }: { e: Schemas['Exposure']; asOf: string; currency: string }) {
  const { t, lang } = useI18n();
  const graded = e.byGrade.filter((g) => g.key !== null);
  const bars = useMemo(
    () =>
      graded.map((g) => ({
        label: t('exposure.grade', { grade: g.key ?? '' }),
        value: Number(g.amount.amount),
        text: formatMoney(lang, g.amount),
      })),
    [graded, t, lang],
  );
  const open = useCallback(
    (i: number) =>
      navigate(href('/documents', { asOf, grade: graded[i]?.key ?? undefined, reportingCurrency: currency })),
    [graded, asOf, currency],
  );
  const ungraded = e.byGrade.find((g) => g.key === null);
  return (
    <div data-testid="exposure-grade">
      <Suspense fallback={<div className="plot" />}>
        <AgingChart bars={bars} title={t('dashboard.byGrade')} onBar={open} className="plot" testId="grade-chart" />
      </Suspense>
      <ul className="slices sr-only">
        {graded.map((g) => (
          <li key={g.key} data-grade={g.key} data-amount={g.amount.amount}>
            <Link href={href('/documents', { asOf, grade: g.key ?? undefined, reportingCurrency: currency })}>
              {t('exposure.grade', { grade: g.key ?? '' })}: {formatMoney(lang, g.amount)}
            </Link>
          </li>
        ))}
      </ul>
      {ungraded && (
        <p className="muted">
          {t('exposure.ungraded', { n: ungraded.buyers, amount: formatMoney(lang, ungraded.amount) })}
        </p>
      )}
    </div>
  );
}

function ByCountry({ e, asOf, currency }: { e: Schemas['Exposure']; asOf: string; currency: string }) {
  const { t, lang } = useI18n();
  const total = Number(e.total.amount);
  const [all, setAll] = useState(false);
  const rows = all ? e.byCountry : e.byCountry.slice(0, 8);
  return (
    <div className="table-wrap" data-testid="exposure-country">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('buyer.country')}</th>
            <th scope="col" className="num">
              {t('exposure.buyers')}
            </th>
            <th scope="col" className="num">
              {t('exposure.amount')}
            </th>
            <th scope="col" className="num">
              {t('exposure.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.key} data-country={c.key} data-amount={c.amount.amount}>
              <td>
                <Link href={href('/documents', { asOf, country: c.key, reportingCurrency: currency })}>
                  {countryName(lang, c.key)}
                </Link>
              </td>
              <td className="num">{c.buyers}</td>
              <td className="num">{formatMoney(lang, c.amount)}</td>
              <td className="num">
                <span className="share">
                  <span
                    className="share-bar"
                    style={{ width: `${total ? (Number(c.amount.amount) / total) * 100 : 0}%` }}
                  />
                  {formatPercent(lang, total ? (Number(c.amount.amount) / total) * 100 : null)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {e.byCountry.length > 8 && (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? t('exposure.fewer') : t('exposure.allCountries', { n: e.byCountry.length })}
        </button>
      )}
    </div>
  );
}

/** A country code in the language's words (Intl), the code itself when unknown. */
export function countryName(lang: string, code: string): string {
  try {
    return `${new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code} (${code})`;
  } catch {
    return code;
  }
}

/** The buyers whose receivables exceed their limit, a page at a time from the server. */
export function OverLimit({ asOf }: { asOf: string }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const over = useApi(
    () =>
      api.GET('/reports/over-limit', { params: { query: { asOf, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE } } }),
    [asOf, page],
  );
  return (
    <Status of={over}>
      {(o) =>
        o.count === 0 ? (
          <p className="muted">{t('dashboard.overLimitNone')}</p>
        ) : (
          <div data-testid="over-limit" data-count={o.count}>
            <p className="muted">{t('dashboard.overLimitCount', { n: o.count })}</p>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('buyer.name')}</th>
                    <th scope="col" className="num">
                      {t('limit.limit')}
                    </th>
                    <th scope="col" className="num">
                      {t('limit.exposure')}
                    </th>
                    <th scope="col" className="num">
                      {t('limit.excess')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {o.buyers.map((b) => (
                    <tr key={b.buyerId} data-buyer={b.buyerId} data-excess={b.excess.amount}>
                      <td>
                        <Link href={href('/documents', { asOf, buyer: b.buyerId })}>{b.name}</Link>{' '}
                        <span className="muted">{b.buyerId}</span>
                      </td>
                      <td className="num">{formatMoney(lang, b.limit)}</td>
                      <td className="num">{formatMoney(lang, b.exposure)}</td>
                      <td className="num over">{formatMoney(lang, b.excess)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={page} total={o.count} onPage={setPage} />
          </div>
        )
      }
    </Status>
  );
}
