import type { ReactNode } from 'react';
import { api, type Schemas } from '../api/client';
import { useApi } from '../api/use-api';
import { agingLabel } from '../components/aging-label';
import { AsOfPicker, useAsOf } from '../components/as-of';
import { PAGE_SIZE, Pager } from '../components/pager';
import { Status } from '../components/status';
import type { MessageKey } from '../i18n/en';
import { formatMoney, formatNumber, formatPercent } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { href, Link, navigate, useLocation } from '../router';

type Sort = 'name' | 'total' | 'overdue' | 'days' | 'grade' | 'utilisation';
const TIERS = ['low', 'medium', 'high'] as const;
const GRADES = Array.from({ length: 10 }, (_, i) => String(i + 1));

/**
 * The buyers, a page at a time, filtered and sorted by the server (`GET /buyer-overview`): all of them, or
 * (from the dashboard's figures) those with receivables overdue or in one aging bucket.
 */
export function BuyersPage() {
  const asOf = useAsOf();
  const { t } = useI18n();
  if (asOf === undefined) return <p className="muted">{t('common.loading')}</p>;
  return <Buyers asOf={asOf} />;
}

/** The page's state, all of it in the address (a link or a reload gives the same list). */
const FILTERS = ['q', 'country', 'collector', 'grade', 'tier', 'overdue', 'bucket', 'sort', 'desc', 'page'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string | undefined>>;

function Buyers({ asOf }: { asOf: string }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const f: Filters = Object.fromEntries(
    FILTERS.map((k) => [k, query.get(k) ?? undefined]).filter(([, v]) => v !== undefined && v !== ''),
  );
  const page = Number(f.page ?? '1') || 1;
  const sort = (f.sort ?? 'name') as Sort;
  const desc = f.desc === '1';
  const go = (change: Filters) => navigate(href('/buyers', { asOf, ...f, page: undefined, ...change }));
  const list = useApi(
    () =>
      api.GET('/buyer-overview', {
        params: {
          query: {
            asOf,
            sort,
            desc: desc ? 'true' : 'false',
            offset: (page - 1) * PAGE_SIZE,
            limit: PAGE_SIZE,
            ...(f.q ? { q: f.q } : {}),
            ...(f.country ? { country: f.country } : {}),
            ...(f.collector ? { collector: f.collector } : {}),
            ...(f.grade ? { grade: Number(f.grade) } : {}),
            ...(f.tier ? { tier: f.tier } : {}),
            ...(f.overdue === '1' ? { overdue: 'true' as const } : {}),
            ...(f.bucket !== undefined ? { bucket: Number(f.bucket) } : {}),
          },
        },
      }),
    [asOf, query.toString()],
  );
  const labels = list.data?.labels;
  const bucketLabel = f.bucket !== undefined && labels ? agingLabel(t, labels[Number(f.bucket)] ?? f.bucket) : '';
  const title =
    f.bucket !== undefined
      ? t('buyers.bucket', { bucket: bucketLabel })
      : f.overdue === '1'
        ? t('buyers.overdueOnly')
        : t('buyers.all');
  return (
    <>
      <header className="page-head">
        <h1>{title}</h1>
        <div className="controls">
          <AsOfPicker asOf={asOf} />
          <label className="inline">
            {t('buyers.search')} <input type="search" value={f.q ?? ''} onChange={(e) => go({ q: e.target.value })} />
          </label>
        </div>
      </header>
      <div className="controls filters">
        <Choice
          label={t('buyer.country')}
          value={f.country}
          options={list.data?.countries ?? []}
          onChange={(v) => go({ country: v })}
        />
        <Choice
          label={t('buyer.collector')}
          value={f.collector}
          options={list.data?.collectors ?? []}
          onChange={(v) => go({ collector: v })}
        />
        <Choice label={t('web2.buyers.grade')} value={f.grade} options={GRADES} onChange={(v) => go({ grade: v })} />
        <Choice
          label={t('desk.tier')}
          value={f.tier}
          options={TIERS}
          name={(o) => t(`desk.tier.${o}` as MessageKey)}
          onChange={(v) => go({ tier: v })}
        />
        <label className="inline">
          <input
            type="checkbox"
            checked={f.overdue === '1'}
            onChange={(e) => go({ overdue: e.target.checked ? '1' : undefined })}
          />{' '}
          {t('web2.buyers.overdueOnly')}
        </label>
      </div>
      <Status of={list}>
        {(d) => (
          <BuyerTable
            data={d}
            page={page}
            sort={sort}
            desc={desc}
            bucketLabel={f.bucket !== undefined ? bucketLabel : undefined}
            onSort={(s) =>
              go({ sort: s, desc: s === sort ? (desc ? undefined : '1') : s === 'name' ? undefined : '1' })
            }
            onPage={(p) => go({ page: String(p) })}
            asOf={asOf}
          />
        )}
      </Status>
    </>
  );
}

function Choice(p: {
  label: string;
  value: string | undefined;
  options: readonly string[];
  onChange: (v: string) => void;
  name?: (o: string) => string;
}) {
  const { t } = useI18n();
  return (
    <label className="inline">
      {p.label}{' '}
      <select value={p.value ?? ''} onChange={(e) => p.onChange(e.target.value)}>
        <option value="">{t('worklist.any')}</option>
        {p.options.map((o) => (
          <option key={o} value={o}>
            {p.name ? p.name(o) : o}
          </option>
        ))}
      </select>
    </label>
  );
}

function BuyerTable(p: {
  data: Schemas['BuyerOverview'];
  page: number;
  sort: Sort;
  desc: boolean;
  bucketLabel: string | undefined;
  onSort: (s: Sort) => void;
  onPage: (n: number) => void;
  asOf: string;
}) {
  const { t, lang } = useI18n();
  const head = (s: Sort, label: ReactNode, num = false) => (
    <th
      scope="col"
      className={num ? 'num' : undefined}
      aria-sort={p.sort === s ? (p.desc ? 'descending' : 'ascending') : undefined}
    >
      <button type="button" className="sort" onClick={() => p.onSort(s)}>
        {label}
        {p.sort === s ? (p.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  return (
    <>
      <p className="muted">{t('web2.buyers.count', { n: p.data.count, currency: p.data.currency })}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('buyer.id')}</th>
              {head('name', t('buyer.name'))}
              <th scope="col">{t('buyer.country')}</th>
              <th scope="col">{t('buyer.collector')}</th>
              {head('grade', t('web2.buyers.grade'), true)}
              {head('total', p.bucketLabel ?? t('buyer.open'), true)}
              {head('overdue', t('buyer.overdue'), true)}
              {head('days', t('web2.buyers.days'), true)}
              {head('utilisation', t('web2.buyers.utilisation'), true)}
            </tr>
          </thead>
          <tbody>
            {p.data.buyers.map((b) => (
              <tr key={b.buyerId}>
                <td>{b.buyerId}</td>
                <td>
                  <Link href={href(`/buyers/${encodeURIComponent(b.buyerId)}`, { asOf: p.asOf })}>{b.name}</Link>
                </td>
                <td>{b.country}</td>
                <td>{b.collector ?? ''}</td>
                <td className="num">{b.grade ?? ''}</td>
                <td className="num">{formatMoney(lang, b.inBucket ?? b.total)}</td>
                <td className="num">{Number(b.overdue.amount) === 0 ? '' : formatMoney(lang, b.overdue)}</td>
                <td className="num">{b.daysOverdue > 0 ? formatNumber(lang, b.daysOverdue) : ''}</td>
                <td className="num">
                  {b.utilisation !== undefined
                    ? formatPercent(lang, b.utilisation)
                    : b.limit !== undefined
                      ? t('web2.buyers.noCredit')
                      : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        page={Math.min(p.page, Math.max(1, Math.ceil(p.data.count / PAGE_SIZE)))}
        total={p.data.count}
        onPage={p.onPage}
      />
    </>
  );
}
