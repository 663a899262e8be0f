import { useState } from 'react';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { formatDate, formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { href, Link } from '../router';
import { DeskTable, ReasonsCell } from './desk-table';
import { PAGE_SIZE } from './pager';
import { Status } from './status';

type Outcome = '' | 'hold' | 'refer';

/** The credit check's holds and referrals (GET /credit-checks), newest first, by outcome and date. */
export function CheckResults({ asOf }: { asOf: string }) {
  const { t, lang } = useI18n();
  const [decision, setDecision] = useState<Outcome>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const list = useApi(
    () =>
      api.GET('/credit-checks', {
        params: {
          query: {
            lang,
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
            ...(decision !== '' ? { decision } : {}),
            ...(from !== '' ? { from } : {}),
            ...(to !== '' ? { to } : {}),
          },
        },
      }),
    [lang, decision, from, to, page],
  );
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <section className="panel" aria-labelledby="desk-checks">
      <div className="panel-head">
        <h2 id="desk-checks">
          {t('desk.checks')}{' '}
          {list.data !== undefined && <span className="count">{t('desk.found', { n: list.data.total })}</span>}
        </h2>
        <div className="controls">
          <label className="inline">
            {t('desk.outcome')}{' '}
            <select value={decision} onChange={(e) => filter(setDecision)(e.target.value as Outcome)}>
              <option value="">{t('desk.any')}</option>
              <option value="hold">{t('desk.outcome.hold')}</option>
              <option value="refer">{t('desk.outcome.refer')}</option>
            </select>
          </label>
          <label className="inline">
            {t('desk.from')}{' '}
            <input type="date" value={from} max={to || undefined} onChange={(e) => filter(setFrom)(e.target.value)} />
          </label>
          <label className="inline">
            {t('desk.to')}{' '}
            <input type="date" value={to} min={from || undefined} onChange={(e) => filter(setTo)(e.target.value)} />
          </label>
        </div>
      </div>
      <Status of={list}>
        {(d) => (
          <DeskTable
            columns={[
              { label: t('desk.date') },
              { label: t('desk.buyer') },
              { label: t('desk.outcome') },
              { label: t('desk.orderAmount'), num: true },
              { label: t('desk.exposure'), num: true },
              { label: t('desk.limit'), num: true },
              { label: t('desk.reasons') },
              { label: t('desk.checkedBy') },
            ]}
            empty={t('desk.checksEmpty')}
            rows={d.results.length}
            page={page}
            total={d.total}
            onPage={setPage}
          >
            {d.results.map((r) => (
              <tr key={r.id} data-check={r.id}>
                <td className="nowrap">{formatDate(lang, r.asOf)}</td>
                <td>
                  <Link href={href(`/buyers/${encodeURIComponent(r.buyerId)}`, { asOf })}>
                    {r.buyerName ?? r.buyerId}
                  </Link>
                  {r.orderId !== undefined && (
                    <span className="muted small block">{t('desk.order', { id: r.orderId })}</span>
                  )}
                </td>
                <td>
                  <span className={`badge outcome-${r.decision}`}>{t(`desk.outcome.${r.decision}`)}</span>
                </td>
                <td className="num">{formatMoney(lang, r.order)}</td>
                <td className="num num-strong">{formatMoney(lang, r.exposure.afterOrder)}</td>
                <td className="num">
                  {r.limit ? formatMoney(lang, r.limit) : <span className="muted">{t('desk.noLimit')}</span>}
                </td>
                <ReasonsCell reasons={r.reasons} />
                <td>{r.checkedBy}</td>
              </tr>
            ))}
          </DeskTable>
        )}
      </Status>
    </section>
  );
}
