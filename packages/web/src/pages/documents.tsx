import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { agingLabel } from '../components/aging-label';
import { AsOfPicker, useAsOf } from '../components/as-of';
import { PAGE_SIZE, Pager } from '../components/pager';
import { countryName } from '../components/portfolio-panels';
import { Status } from '../components/status';
import { formatDate, formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { href, Link, navigate, useLocation } from '../router';

const KEYS = ['bucket', 'overdue', 'buyer', 'grade', 'country', 'reportingCurrency'] as const;

/**
 * The open documents behind a dashboard figure (`/documents?asOf&bucket&buyer&overdue&grade&country`), a page at
 * a time from the server, with their sum in the reporting currency: the figure that was clicked.
 */
export function DocumentsPage() {
  const asOf = useAsOf();
  const { t } = useI18n();
  if (asOf === undefined) return <p className="muted">{t('common.loading')}</p>;
  return <Documents asOf={asOf} />;
}

function Documents({ asOf }: { asOf: string }) {
  const { t, lang } = useI18n();
  const { query } = useLocation();
  const f = Object.fromEntries(KEYS.map((k) => [k, query.get(k) ?? undefined])) as Record<
    (typeof KEYS)[number],
    string | undefined
  >;
  const page = Number(query.get('page') ?? '1') || 1;
  const docs = useApi(
    () =>
      api.GET('/documents', {
        params: {
          query: {
            asOf,
            ...(f.bucket !== undefined ? { bucket: Number(f.bucket) } : {}),
            ...(f.overdue === '1' ? { overdue: '1' as const } : {}),
            ...(f.buyer !== undefined ? { buyer: f.buyer } : {}),
            ...(f.grade !== undefined ? { grade: Number(f.grade) } : {}),
            ...(f.country !== undefined ? { country: f.country } : {}),
            reportingCurrency: f.reportingCurrency ?? 'EUR',
            offset: (page - 1) * PAGE_SIZE,
            limit: PAGE_SIZE,
          },
        },
      }),
    [asOf, f.bucket, f.overdue, f.buyer, f.grade, f.country, f.reportingCurrency, page],
  );
  const labels = docs.data?.labels ?? [];
  const scope = [
    f.bucket !== undefined ? agingLabel(t, labels[Number(f.bucket)] ?? f.bucket) : '',
    f.overdue === '1' ? t('documents.overdue') : '',
    f.grade !== undefined ? t('exposure.grade', { grade: f.grade }) : '',
    f.country !== undefined ? countryName(lang, f.country) : '',
    f.buyer ?? '',
  ].filter((s) => s !== '');
  return (
    <>
      <header className="page-head">
        <h1>{t('documents.title', { date: asOf })}</h1>
        <div className="controls">
          <AsOfPicker asOf={asOf} />
        </div>
      </header>
      {scope.length > 0 && (
        <p className="filters" data-testid="documents-scope">
          {scope.map((s) => (
            <span key={s} className="chip">
              {s}
            </span>
          ))}
        </p>
      )}
      <Status of={docs}>
        {(d) => (
          <>
            <section className="figures" aria-label={t('documents.title', { date: asOf })}>
              <div className="figure">
                <span className="figure-label">{t('documents.sum', { n: d.count })}</span>
                <span className="figure-value" data-testid="documents-sum" data-amount={d.reporting.amount}>
                  {formatMoney(lang, d.reporting)}
                </span>
                {d.sums.length > 1 && (
                  <span className="figure-note">{d.sums.map((s) => formatMoney(lang, s)).join(' · ')}</span>
                )}
              </div>
            </section>
            <div className="table-wrap">
              <table data-testid="documents" data-count={d.count}>
                <thead>
                  <tr>
                    <th scope="col">{t('documents.number')}</th>
                    <th scope="col">{t('buyer.name')}</th>
                    <th scope="col">{t('buyer.country')}</th>
                    <th scope="col">{t('documents.due')}</th>
                    <th scope="col" className="num">
                      {t('worklist.daysOverdue')}
                    </th>
                    <th scope="col" className="num">
                      {t('documents.owed')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.documents.map((x) => (
                    <tr key={x.number} data-owed={x.owed.amount}>
                      <td>{x.number}</td>
                      <td>
                        <Link href={href(`/buyers/${encodeURIComponent(x.buyerId)}`, { asOf })}>{x.name}</Link>
                      </td>
                      <td>{x.country}</td>
                      <td>{formatDate(lang, x.dueDate)}</td>
                      <td className="num">{x.daysOverdue > 0 ? x.daysOverdue : ''}</td>
                      <td className="num">{formatMoney(lang, x.owed)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={page} total={d.count} onPage={(p) => navigate(href('/documents', { ...f, asOf, page: p }))} />
          </>
        )}
      </Status>
    </>
  );
}
