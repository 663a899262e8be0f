import { useState } from 'react';
import { api, problemText } from '../../api/client';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { named } from './names';
import type { DunningRun } from './types';

/** The live run: a confirmation step first (with the first run's confirmation when letters are held), then the result. */
export function RunDunning(p: { asOf: string; preview: DunningRun; onRun: (run: DunningRun) => void }) {
  const { t, lang } = useI18n();
  const [asking, setAsking] = useState(false);
  const [confirmHeld, setConfirmHeld] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const held = p.preview.firstRun?.confirmed === false ? p.preview.firstRun.held.length : 0;
  const date = formatDate(lang, p.asOf);
  const run = async () => {
    setBusy(true);
    setError(undefined);
    const r = await api.POST('/dunning-runs', { body: { asOf: p.asOf, confirm: held > 0 && confirmHeld } });
    setBusy(false);
    if (r.data === undefined) return setError(problemText(r.error));
    setAsking(false);
    setConfirmHeld(false);
    p.onRun(r.data);
  };
  if (!asking)
    return (
      <>
        <button type="button" onClick={() => setAsking(true)}>
          {t('dunning.run')}
        </button>
        {error !== undefined && <p className="error">{error}</p>}
      </>
    );
  return (
    <div className="confirm" role="alertdialog" aria-labelledby="run-confirm-title" aria-describedby="run-confirm-body">
      <h3 id="run-confirm-title">{t('dunning.confirm.title', { date })}</h3>
      <p id="run-confirm-body">
        {t('dunning.confirm.body', { n: p.preview.actions.length + (confirmHeld ? held : 0) })}
      </p>
      {held > 0 && (
        <label className="inline">
          <input type="checkbox" checked={confirmHeld} onChange={(e) => setConfirmHeld(e.target.checked)} />
          {t('dunning.confirm.held', { n: held })}
        </label>
      )}
      <div className="controls">
        <button type="button" onClick={run} disabled={busy}>
          {busy ? t('dunning.running') : t('dunning.confirm.go')}
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)} disabled={busy}>
          {t('dunning.cancel')}
        </button>
      </div>
      {error !== undefined && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** What the live run recorded: the letters, or plainly nothing new; what is still held; the items skipped, why. */
export function RunResult({ run, names }: { run: DunningRun; names: ReadonlyMap<string, string> }) {
  const { t, lang } = useI18n();
  const date = formatDate(lang, run.asOf);
  const held = run.firstRun?.confirmed === false ? run.firstRun.held.length : 0;
  return (
    <section className="panel result" data-testid="run-result" aria-labelledby="run-result-title">
      <h2 id="run-result-title">{t('dunning.result.title')}</h2>
      {run.actions.length === 0 ? (
        <p className="nothing-new" data-testid="nothing-new">
          {t('dunning.result.nothingNew', { date })}
        </p>
      ) : (
        <p className="recorded" data-testid="recorded">
          {t('dunning.result.recorded', { n: run.actions.length, date })}
        </p>
      )}
      {held > 0 && <p>{t('dunning.result.stillHeld', { n: held })}</p>}
      {run.skipped.length > 0 && (
        <details>
          <summary>
            {t('dunning.skipped')} ({run.skipped.length})
          </summary>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('dunning.buyer')}</th>
                  <th scope="col">{t('dunning.documents')}</th>
                  <th scope="col">{t('dunning.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {run.skipped.map((s) => (
                  <tr key={s.number}>
                    <td>{names.get(s.buyerId) ?? s.buyerId}</td>
                    <td>{s.number}</td>
                    <td>{named(t, 'dunning.skip', s.reason)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
