import { useState } from 'react';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import type { MessageKey } from '../i18n/en';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { href, Link } from '../router';
import { DeskTable, ReasonsCell } from './desk-table';
import { pageOf } from './pager';
import { Status } from './status';

type Tier = '' | 'low' | 'medium' | 'high';

/** Rows a page: the desk shows three lists. */
export const REVIEWS_PAGE = 10;
const RANK: Readonly<Record<string, number>> = { high: 0, medium: 1, low: 2 };

/** The credit reviews due as of the date (GET /reviews): the riskiest tier first, then the earliest due. */
export function ReviewsDue({ asOf }: { asOf: string }) {
  const { t, lang } = useI18n();
  const [tier, setTier] = useState<Tier>('');
  const [page, setPage] = useState(1);
  const list = useApi(() => api.GET('/reviews', { params: { query: { asOf, lang } } }), [asOf, lang]);
  const rows = (list.data?.reviews ?? [])
    .filter((r) => tier === '' || r.tier === tier)
    .sort(
      (a, b) =>
        (RANK[a.tier ?? ''] ?? 3) - (RANK[b.tier ?? ''] ?? 3) ||
        (a.nextReview < b.nextReview ? -1 : a.nextReview > b.nextReview ? 1 : 0),
    );
  return (
    <section className="panel" aria-labelledby="desk-reviews">
      <div className="panel-head">
        <h2 id="desk-reviews">
          {t('desk.reviews')}{' '}
          {list.data !== undefined && <span className="count">{t('desk.found', { n: rows.length })}</span>}
        </h2>
        <label className="inline">
          {t('desk.tier')}{' '}
          <select
            value={tier}
            onChange={(e) => {
              setTier(e.target.value as Tier);
              setPage(1);
            }}
          >
            <option value="">{t('desk.any')}</option>
            {(['high', 'medium', 'low'] as const).map((x) => (
              <option key={x} value={x}>
                {t(`desk.tier.${x}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Status of={list}>
        {() => (
          <DeskTable
            columns={[
              { label: t('desk.buyer') },
              { label: t('desk.tier') },
              { label: t('desk.cadence') },
              { label: t('desk.lastReview') },
              { label: t('desk.nextReview') },
              { label: t('desk.reasons') },
            ]}
            empty={t('desk.reviewsEmpty')}
            rows={rows.length}
            page={page}
            total={rows.length}
            onPage={setPage}
            size={REVIEWS_PAGE}
          >
            {pageOf(rows, page, REVIEWS_PAGE).map((r) => (
              <tr key={r.buyerId} data-review={r.buyerId}>
                <td>
                  <Link href={href(`/buyers/${encodeURIComponent(r.buyerId)}`, { asOf })}>{r.name}</Link>
                </td>
                <td>
                  {r.tier !== undefined ? (
                    <span className={`badge tier-${r.tier}`}>{t(`desk.tier.${r.tier}`)}</span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>{t(`desk.cadence.${r.cadence}` as MessageKey, { n: r.cadenceDays })}</td>
                <td className="nowrap">
                  {r.lastReview ? formatDate(lang, r.lastReview) : <span className="muted">{t('desk.never')}</span>}
                </td>
                <td className="nowrap">{formatDate(lang, r.nextReview)}</td>
                <ReasonsCell reasons={r.reasons} />
              </tr>
            ))}
          </DeskTable>
        )}
      </Status>
    </section>
  );
}
