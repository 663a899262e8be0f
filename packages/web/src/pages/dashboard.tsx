import { lazy, Suspense, useCallback, useMemo } from 'react';
import { api, type Schemas } from '../api/client';
import { useApi } from '../api/use-api';
import { agingLabel } from '../components/aging-label';
import { DatedPage } from '../components/dated-page';
import { Figure } from '../components/figure';
import { KpiTable } from '../components/kpi-table';
import { AgingTrend, Exposure, OverLimit } from '../components/portfolio-panels';
import { Status } from '../components/status';
import { TopOverdue } from '../components/top-overdue';
import { formatMoney, formatPercent } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { href, Link, navigate } from '../router';

// ECharts in a chunk of its own, loaded while the figures are asked for: the first script is a third of the size.
const AgingChart = lazy(() => import('../components/aging-chart').then((m) => ({ default: m.AgingChart })));

/** The portfolio as of a date: totals, KPIs by currency, aging by bucket, the most overdue buyers. */
export function DashboardPage() {
  return (
    <DatedPage path="/" title="dashboard.title">
      {(asOf, currency) => <Portfolio asOf={asOf} currency={currency} />}
    </DatedPage>
  );
}

function Portfolio({ asOf, currency }: { asOf: string; currency: string }) {
  const { t, lang } = useI18n();
  const query = { asOf, reportingCurrency: currency };
  // The headline only: the payment behaviour per buyer (every buyer of the period) is not asked for.
  const kpis = useApi(
    () => api.GET('/reports/kpis', { params: { query: { ...query, behaviour: 'false' } } }),
    [asOf, currency],
  );
  const aging = useApi(() => api.GET('/reports/aging', { params: { query } }), [asOf, currency]);
  // The three requests start together; each part shows as soon as its answer is in.
  return (
    <>
      <section className="figures" aria-label={t('dashboard.title', { date: asOf })}>
        <Status of={kpis}>{(k) => <Headline k={k} asOf={asOf} currency={currency} />}</Status>
      </section>
      <div className="grid-2">
        <section className="panel">
          <h2>{t('dashboard.aging')}</h2>
          <Status of={aging}>{(a) => <Aging a={a} asOf={asOf} currency={currency} />}</Status>
        </section>
        <section className="panel">
          <h2>{t('dashboard.topOverdue')}</h2>
          <TopOverdue asOf={asOf} currency={currency} />
        </section>
      </div>
      {/* Asked for once the headline and the aging are in: one store answers them all, the figures first. */}
      {settled(kpis) && settled(aging) ? (
        <>
          <section className="panel">
            <h2>{t('dashboard.trend')}</h2>
            <AgingTrend asOf={asOf} currency={currency} />
          </section>
          <Exposure asOf={asOf} currency={currency} />
          <section className="panel">
            <h2>{t('dashboard.overLimit')}</h2>
            <OverLimit asOf={asOf} />
          </section>
        </>
      ) : (
        <p className="muted" aria-busy="true">
          {t('common.loading')}
        </p>
      )}
      <section className="panel">
        <h2>{t('dashboard.kpis')}</h2>
        <Status of={kpis}>
          {(k) => (
            <>
              <p className="muted">{t('kpi.period', { from: k.from, to: k.asOf })}</p>
              <KpiTable rows={k.perCurrency} lang={lang} />
            </>
          )}
        </Status>
      </section>
    </>
  );
}

function Headline({ k, asOf, currency }: { k: Schemas['Kpis']; asOf: string; currency: string }) {
  const { t, lang } = useI18n();
  const r = k.reporting;
  if (r === undefined) return null;
  const total = Number(r.totalAr.amount);
  const share = total === 0 ? null : (Number(r.overdueAr.amount) / total) * 100;
  return (
    <>
      <Figure
        label={t('dashboard.total')}
        value={formatMoney(lang, r.totalAr)}
        href={href('/documents', { asOf, reportingCurrency: currency })}
        testId="total"
      />
      <Figure
        label={t('dashboard.overdue')}
        value={formatMoney(lang, r.overdueAr)}
        href={href('/documents', { asOf, overdue: 1, reportingCurrency: currency })}
        testId="overdue"
      />
      <Figure label={t('dashboard.overduePercent')} value={formatPercent(lang, share)} testId="overdue-share" />
    </>
  );
}

function Aging({ a, asOf, currency }: { a: Schemas['AgingReport']; asOf: string; currency: string }) {
  const { t, lang } = useI18n();
  const buckets = a.reporting?.buckets ?? [];
  const bars = useMemo(
    () =>
      buckets.map((m, i) => ({
        label: agingLabel(t, a.labels[i] ?? ''),
        value: Number(m.amount),
        text: formatMoney(lang, m),
      })),
    [buckets, a.labels, t, lang],
  );
  const open = useCallback(
    (i: number) => navigate(href('/documents', { asOf, bucket: i, reportingCurrency: currency })),
    [asOf, currency],
  );
  return (
    <>
      <Suspense fallback={<div className="chart" />}>
        <AgingChart bars={bars} title={t('dashboard.aging')} onBar={open} />
      </Suspense>
      <ul className="sr-only" data-testid="aging-links">
        {bars.map((b, i) => (
          <li key={b.label} data-amount={buckets[i]?.amount}>
            <Link href={href('/documents', { asOf, bucket: i, reportingCurrency: currency })}>
              {b.label}: {b.text}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

const settled = (x: { data: unknown; error: unknown }) => x.data !== undefined || x.error !== undefined;
