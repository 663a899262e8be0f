import { useEffect, useState } from 'react';
import { api, problemText, type Schemas } from '../../api/client';
import type { Loaded } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Status } from '../status';
import type { LetterRef } from './letter-preview';
import { named } from './names';
import { Recipient } from './recipient';

type RunLetters = Schemas['DunningRunLetters'];
type Job = Schemas['Job'];

const ACTIVE = (j: Job) => j.state === 'running' || (j.state === 'queued' && j.lastError === undefined);

/** Follows a job until it is done, failed, or waits to retry; `onTick` after each look. */
function useJob(id: string | undefined, onTick: () => void): Job | undefined {
  const [job, setJob] = useState<Job>();
  // onTick reloads the letters; the job's id alone decides when to start following.
  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = async () => {
      const r = await api.GET('/jobs/{id}', { params: { path: { id } } });
      if (!live || r.data === undefined) return;
      setJob(r.data);
      onTick();
      if (ACTIVE(r.data)) timer = setTimeout(look, 700);
    };
    void look();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id]);
  return job;
}

/** The letters recorded on the date, each delivery's channel and status; start the delivery and follow its job. */
export function Deliveries(p: { asOf: string; letters: Loaded<RunLetters>; onView: (ref: LetterRef) => void }) {
  const { t, lang } = useI18n();
  const [jobId, setJobId] = useState<string>();
  const [error, setError] = useState<string>();
  const job = useJob(jobId, p.letters.reload);
  const retrying = job?.state === 'queued' && job.lastError !== undefined;
  const start = async () => {
    setError(undefined);
    const r = await api.POST('/dunning-runs/{asOf}/deliveries', { params: { path: { asOf: p.asOf } } });
    if (r.data === undefined) return setError(problemText(r.error));
    setJobId(r.data.id);
  };
  return (
    <section className="panel" aria-labelledby="deliveries-title" data-testid="deliveries">
      <div className="page-head">
        <h2 id="deliveries-title">{t('dunning.recorded.title')}</h2>
        {(p.letters.data?.letters.length ?? 0) > 0 && (
          <button type="button" onClick={start} disabled={job !== undefined && ACTIVE(job)}>
            {t('dunning.deliver')}
          </button>
        )}
      </div>
      {job !== undefined && (
        <p className={`job job-${job.state}`} role="status" data-testid="job">
          {t('dunning.job', { id: job.id, state: named(t, 'dunning.job', retrying ? 'retrying' : job.state) })}
          {retrying && (
            <span className="muted">
              {' '}
              {t('dunning.job.retry', {
                time: new Date(job.runAt).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' }),
                detail: job.lastError ?? '',
              })}
            </span>
          )}
          {job.state === 'failed' && job.lastError !== undefined && <span className="muted"> {job.lastError}</span>}
        </p>
      )}
      {error !== undefined && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <Status of={p.letters}>
        {(d) =>
          d.letters.length === 0 ? (
            <p className="muted">{t('dunning.recorded.none')}</p>
          ) : (
            <>
              <p className="counts" data-testid="delivery-counts">
                {(['pending', 'sending', 'sent', 'written', 'failed'] as const)
                  .filter((s) => (d.deliveries[s] ?? 0) > 0)
                  .map((s) => (
                    <span key={s} className={`badge status-${s}`}>
                      {t(`dunning.status.${s}`)} {d.deliveries[s]}
                    </span>
                  ))}
              </p>
              <RecordedTable data={d} onView={p.onView} />
            </>
          )
        }
      </Status>
    </section>
  );
}

function RecordedTable({ data, onView }: { data: RunLetters; onView: (ref: LetterRef) => void }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="letters" data-testid="recorded-letters">
        <caption className="sr-only">{t('dunning.recorded.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dunning.letter')}</th>
            <th scope="col">{t('dunning.buyer')}</th>
            <th scope="col">{t('dunning.level')}</th>
            <th scope="col">{t('dunning.to')}</th>
            <th scope="col">{t('dunning.delivery')}</th>
          </tr>
        </thead>
        <tbody>
          {data.letters.map((l) => (
            <tr key={l.letterId} data-letter={l.letterId}>
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() => onView({ kind: 'recorded', letterId: l.letterId })}
                >
                  {l.letterId}
                </button>
              </td>
              <td>{l.buyerName}</td>
              <td>{named(t, 'dunning.level', l.level)}</td>
              <td>
                <Recipient to={l} />
              </td>
              <td>
                <ul className="delivery-list">
                  {l.deliveries.map((x) => (
                    <li key={x.id} data-kind={x.kind} data-status={x.status}>
                      {t(`dunning.kind.${x.kind}`)}:{' '}
                      <span className={`badge status-${x.status}`}>{t(`dunning.status.${x.status}`)}</span>
                      {x.failure !== undefined && <span className="muted small"> {x.failure.detail}</span>}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
