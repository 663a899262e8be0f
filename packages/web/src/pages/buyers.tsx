import { useMemo } from 'react';
import { api, type Schemas } from '../api/client';
import { useApi } from '../api/use-api';
import { agingLabel } from '../components/aging-label';
import { AsOfPicker, useAsOf } from '../components/as-of';
import { PAGE_SIZE, Pager, pageOf } from '../components/pager';
import { Status } from '../components/status';
import { formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { href, Link, navigate, useLocation } from '../router';
import { useSession } from '../session/session';
import { readsReports } from './pages';

const NONE: readonly Schemas['Buyer'][] = [];

type Row = Schemas['Buyer'] & { open?: Schemas['Money']; inBucket?: Schemas['Money'] };

/**
 * The buyers, a page at a time: all of them, or (from the dashboard's figures) those with receivables overdue or
 * in one aging bucket, with their balances from the server's aging by buyer.
 */
export function BuyersPage() {
  const asOf = useAsOf();
  const { t } = useI18n();
  if (asOf === undefined) return <p className="muted">{t('common.loading')}</p>;
  return <Buyers asOf={asOf} />;
}

function Buyers({ asOf }: { asOf: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { query } = useLocation();
  const bucket = query.get('bucket');
  const overdue = query.get('overdue') === '1';
  const search = query.get('q') ?? '';
  const page = Number(query.get('page') ?? '1') || 1;
  const reporter = me ? readsReports(me.role) : false;
  const buyers = useApi(() => api.GET('/buyers'), []);
  const aging = useApi(
    () =>
      reporter
        ? api.GET('/reports/aging', { params: { query: { asOf, byBuyer: 'true' } } })
        : Promise.resolve({ data: undefined, error: undefined }),
    [asOf, reporter],
  );
  const go = (q: Record<string, string | number | undefined>) =>
    navigate(href('/buyers', { asOf, bucket: bucket ?? undefined, overdue: overdue ? 1 : undefined, q: search, ...q }));
  const ranking = useApi(
    () =>
      reporter && overdue
        ? api.GET('/reports/overdue-buyers', { params: { query: { asOf, reportingCurrency: 'EUR', limit: 10_000 } } })
        : Promise.resolve({ data: undefined, error: undefined }),
    [asOf, reporter, overdue],
  );
  const rows = useRows(
    buyers.data?.buyers ?? NONE,
    reporter ? aging.data : undefined,
    bucket,
    overdue,
    search,
    ranking.data?.buyers,
  );
  const bucketLabel = bucket !== null && aging.data ? agingLabel(t, aging.data.labels[Number(bucket)] ?? bucket) : '';
  const title =
    bucket !== null ? t('buyers.bucket', { bucket: bucketLabel }) : overdue ? t('buyers.overdueOnly') : t('buyers.all');
  return (
    <>
      <header className="page-head">
        <h1>{title}</h1>
        <div className="controls">
          <AsOfPicker asOf={asOf} />
          <label className="inline">
            {t('buyers.search')}{' '}
            <input type="search" value={search} onChange={(e) => go({ q: e.target.value, page: undefined })} />
          </label>
        </div>
      </header>
      <Status of={buyers}>
        {() => (
          <BuyerTable
            rows={rows}
            asOf={asOf}
            page={page}
            onPage={(p) => go({ page: p })}
            amounts={reporter ? (bucket !== null ? bucketLabel : t('buyer.overdue')) : undefined}
          />
        )}
      </Status>
    </>
  );
}

/** The buyers that match, with their open balance (and the bucket's), largest first when filtered. */
function useRows(
  buyers: readonly Schemas['Buyer'][],
  aging: Schemas['AgingReport'] | undefined,
  bucket: string | null,
  overdue: boolean,
  search: string,
  ranked: readonly { buyerId: string }[] | undefined,
): Row[] {
  return useMemo(() => {
    const reports = new Map((aging?.reports ?? []).map((r) => [r.buyerId, r]));
    const needle = search.trim().toLowerCase();
    let rows: Row[] = buyers
      .filter((b) => needle === '' || b.id.toLowerCase().includes(needle) || b.name.toLowerCase().includes(needle))
      .map((b) => {
        const r = reports.get(b.id);
        const inBucket =
          bucket !== null ? r?.buckets[Number(bucket)]?.amount.amount : r ? overdueOf(r.buckets) : undefined;
        return {
          ...b,
          ...(r ? { open: r.total } : {}),
          ...(inBucket !== undefined && r ? { inBucket: { amount: String(inBucket), currency: r.currency } } : {}),
        };
      });
    if (bucket !== null || overdue) {
      rows = rows.filter((r) => r.inBucket !== undefined && Number(r.inBucket.amount) > 0);
      // Overdue: in the server's ranking (converted to one currency); a bucket: by currency, then largest first.
      const rank = new Map((ranked ?? []).map((b, i) => [b.buyerId, i]));
      rows.sort((a, b) =>
        overdue && ranked
          ? (rank.get(a.id) ?? rank.size) - (rank.get(b.id) ?? rank.size)
          : (a.inBucket?.currency ?? '').localeCompare(b.inBucket?.currency ?? '') ||
            Number(b.inBucket?.amount) - Number(a.inBucket?.amount),
      );
    }
    return rows;
  }, [buyers, aging, bucket, overdue, search, ranked]);
}

/** The overdue part of one buyer's aging (every bucket after "not due"), for ranking and display. */
function overdueOf(buckets: readonly { amount: Schemas['Money'] }[]): string {
  const digits = Math.max(...buckets.map((b) => b.amount.amount.split('.')[1]?.length ?? 0));
  const minor = buckets.slice(1).reduce((s, b) => s + BigInt(b.amount.amount.replace('.', '')), 0n);
  const s = minor.toString().padStart(digits + 1, '0');
  return digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

function BuyerTable(p: {
  rows: Row[];
  asOf: string;
  page: number;
  onPage: (n: number) => void;
  amounts: string | undefined;
}) {
  const { t, lang } = useI18n();
  return (
    <>
      <p className="muted">{t('buyers.count', { n: p.rows.length })}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('buyer.id')}</th>
              <th scope="col">{t('buyer.name')}</th>
              <th scope="col">{t('buyer.country')}</th>
              <th scope="col">{t('buyer.collector')}</th>
              {p.amounts !== undefined && (
                <th scope="col" className="num">
                  {t('buyer.open')}
                </th>
              )}
              {p.amounts !== undefined && (
                <th scope="col" className="num">
                  {p.amounts}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {pageOf(p.rows, p.page).map((b) => (
              <tr key={b.id}>
                <td>{b.id}</td>
                <td>
                  <Link href={href(`/buyers/${encodeURIComponent(b.id)}`, { asOf: p.asOf })}>{b.name}</Link>
                </td>
                <td>{b.country}</td>
                <td>{b.collector ?? ''}</td>
                {p.amounts !== undefined && <td className="num">{b.open ? formatMoney(lang, b.open) : ''}</td>}
                {p.amounts !== undefined && <td className="num">{b.inBucket ? formatMoney(lang, b.inBucket) : ''}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        page={Math.min(p.page, Math.max(1, Math.ceil(p.rows.length / PAGE_SIZE)))}
        total={p.rows.length}
        onPage={p.onPage}
      />
    </>
  );
}
