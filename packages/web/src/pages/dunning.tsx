import { useMemo, useState } from 'react';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { AsOfPicker, useAsOf } from '../components/as-of';
import { Deliveries } from '../components/dunning/deliveries';
import { FirstRunNotice } from '../components/dunning/first-run';
import { LetterPreview, type LetterRef } from '../components/dunning/letter-preview';
import { LevelTotals } from '../components/dunning/level-totals';
import { PlannedLetters } from '../components/dunning/planned-letters';
import { RunDunning, RunResult } from '../components/dunning/run-dunning';
import type { DunningRun } from '../components/dunning/types';
import { Figure } from '../components/figure';
import { Status } from '../components/status';
import { formatDate, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

/** The day's dunning: the run previewed (a dry run), each letter as HTML or PDF, the live run, its deliveries. */
export function DunningPage() {
  const asOf = useAsOf();
  const { t } = useI18n();
  if (asOf === undefined) return <p className="muted">{t('common.loading')}</p>;
  return <Dunning key={asOf} asOf={asOf} />;
}

function Dunning({ asOf }: { asOf: string }) {
  const { t, lang } = useI18n();
  const preview = useApi(() => api.POST('/dunning-runs', { body: { asOf, dryRun: true } }), [asOf]);
  const recorded = useApi(() => api.GET('/dunning-runs/{asOf}', { params: { path: { asOf } } }), [asOf]);
  const buyers = useApi(() => api.GET('/buyers'), []);
  const names = useMemo(() => new Map((buyers.data?.buyers ?? []).map((b) => [b.id, b.name])), [buyers.data]);
  const [viewing, setViewing] = useState<LetterRef>();
  const [result, setResult] = useState<DunningRun>();
  const ran = (run: DunningRun) => {
    setResult(run);
    preview.reload();
    recorded.reload();
  };
  return (
    <>
      <header className="page-head">
        <h1>{t('dunning.title', { date: formatDate(lang, asOf) })}</h1>
        <div className="controls">
          <AsOfPicker asOf={asOf} />
        </div>
      </header>
      <Status of={preview}>
        {(run) => (
          <>
            <div className="figures">
              <Figure label={t('dunning.toSend')} value={formatNumber(lang, run.actions.length, 0)} testId="to-send" />
              <Figure
                label={t('dunning.heldCount')}
                value={formatNumber(lang, run.firstRun?.confirmed === false ? run.firstRun.held.length : 0, 0)}
                testId="held"
              />
              <Figure label={t('dunning.skippedCount')} value={formatNumber(lang, run.skipped.length, 0)} />
              <Figure
                label={t('dunning.recordedCount')}
                value={recorded.data === undefined ? '…' : formatNumber(lang, recorded.data.letters.length, 0)}
                testId="recorded-count"
              />
            </div>
            {result !== undefined && <RunResult run={result} names={names} />}
            <section className="panel" aria-labelledby="preview-title">
              <div className="page-head">
                <div>
                  <h2 id="preview-title">{t('dunning.preview')}</h2>
                  <p className="muted small">{t('dunning.previewNote')}</p>
                </div>
                <RunDunning asOf={asOf} preview={run} onRun={ran} />
              </div>
              {run.firstRun !== undefined && (
                <FirstRunNotice firstRun={run.firstRun} asOf={asOf} names={names} onView={setViewing} />
              )}
              {run.actions.length === 0 ? (
                <p className="muted" data-testid="no-letters">
                  {t('dunning.noLetters')}
                </p>
              ) : (
                <>
                  <LevelTotals rows={run.byLevel} />
                  <PlannedLetters asOf={asOf} actions={run.actions} onView={setViewing} />
                </>
              )}
            </section>
          </>
        )}
      </Status>
      {viewing !== undefined && <LetterPreview of={viewing} onClose={() => setViewing(undefined)} />}
      <Deliveries asOf={asOf} letters={recorded} onView={setViewing} />
    </>
  );
}
