import { Fragment, useState } from 'react';
import { api, type Schemas } from '../api/client';
import { useApi } from '../api/use-api';
import { formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { href, Link } from '../router';
import { DeskTable } from './desk-table';
import { LimitAdvice } from './limit-advice';
import { LimitDecision } from './limit-decision';
import { PAGE_SIZE } from './pager';
import { Status } from './status';

type Waiting = Schemas['WaitingLimitRequest'];

/**
 * The limit requests waiting across buyers, oldest first: requested against the limit in force and the
 * recommendation, who asked, why, how long ago. A credit manager answers others' requests; their own is marked
 * and offers no answer (four eyes, which the API enforces too).
 */
export function LimitRequests({ asOf, me, answers }: { asOf: string; me: string; answers: boolean }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<{ id: number; approve: boolean }>();
  const [message, setMessage] = useState<string>();
  const list = useApi(
    () => api.GET('/limit-requests', { params: { query: { asOf, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } } }),
    [asOf, page],
  );
  const done = (m: string) => {
    setOpen(undefined);
    setMessage(m);
    list.reload();
  };
  return (
    <section className="panel" aria-labelledby="desk-requests">
      <h2 id="desk-requests">
        {t('desk.requests')}{' '}
        {list.data !== undefined && <span className="count">{t('desk.waiting', { n: list.data.total })}</span>}
      </h2>
      <p className="notice" role="status">
        {message ?? ''}
      </p>
      <Status of={list}>
        {(d) => (
          <DeskTable
            columns={[
              { label: t('desk.buyer') },
              { label: t('desk.requested'), num: true },
              { label: t('desk.current'), num: true },
              { label: t('desk.recommended') },
              { label: t('desk.requestedBy') },
              { label: t('desk.reason') },
              { label: t('desk.age'), num: true },
              { label: t('desk.decision') },
            ]}
            empty={t('desk.requestsEmpty')}
            rows={d.requests.length}
            page={page}
            total={d.total}
            onPage={setPage}
          >
            {d.requests.map((x) => (
              <Fragment key={x.request.id}>
                <Row
                  x={x}
                  asOf={asOf}
                  own={x.request.by === me}
                  answers={answers}
                  lang={lang}
                  onAnswer={(approve) => {
                    setMessage(undefined);
                    setOpen({ id: x.request.id, approve });
                  }}
                />
                {open?.id === x.request.id && (
                  <tr className="decision-row">
                    <td colSpan={8}>
                      <LimitDecision x={x} approve={open.approve} onDone={done} onCancel={() => setOpen(undefined)} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </DeskTable>
        )}
      </Status>
    </section>
  );
}

function Row(p: {
  x: Waiting;
  asOf: string;
  own: boolean;
  answers: boolean;
  lang: Parameters<typeof formatMoney>[0];
  onAnswer: (approve: boolean) => void;
}) {
  const { t } = useI18n();
  const { x } = p;
  const buyer = x.buyerName ?? x.buyerId;
  return (
    <tr data-request={x.request.id} className={p.own ? 'own' : undefined}>
      <td>
        <Link href={href(`/buyers/${encodeURIComponent(x.buyerId)}`, { asOf: p.asOf })}>{buyer}</Link>
        <span className="muted small block">{x.buyerId}</span>
      </td>
      <td className="num num-strong">{formatMoney(p.lang, x.request.limit)}</td>
      <td className="num">
        {x.current ? formatMoney(p.lang, x.current.limit) : <span className="muted">{t('desk.noLimit')}</span>}
      </td>
      <td>
        <LimitAdvice buyerId={x.buyerId} asOf={p.asOf} />
      </td>
      <td>{x.request.by}</td>
      <td className="reason">{x.request.reason}</td>
      <td className="num">{t('common.days', { n: x.ageDays })}</td>
      <td>
        {p.own ? (
          <span className="badge own-badge">{t('desk.ownRequest')}</span>
        ) : p.answers ? (
          <div className="decision-buttons">
            <button type="button" onClick={() => p.onAnswer(true)} aria-label={t('desk.approveTitle', { buyer })}>
              {t('desk.approve')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => p.onAnswer(false)}
              aria-label={t('desk.rejectTitle', { buyer })}
            >
              {t('desk.reject')}
            </button>
          </div>
        ) : (
          <span className="muted small">{t('desk.managerAnswers')}</span>
        )}
      </td>
    </tr>
  );
}
