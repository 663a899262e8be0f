import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { useI18n } from '../i18n/i18n';
import type { ActionProps } from './action-props';
import { ActionForm } from './dialog';

type Outcome = Schemas['DisputeResolutionRequest']['outcome'];
const OUTCOMES: readonly Outcome[] = ['rejected', 'credit_note', 'partial'];

/** Resolves one of the buyer's open disputes: rejected, or settled by a credit note (POST /disputes/{id}/resolve). */
export function ResolveAction({ detail, onDone, onClose }: ActionProps) {
  const { t } = useI18n();
  const action = useAction();
  const open = useApi(
    () => api.GET('/disputes', { params: { query: { buyerId: detail.buyer.id, open: 'true' } } }),
    [detail.buyer.id],
  );
  const disputes = open.data?.disputes ?? [];
  const [chosen, setChosen] = useState('');
  const disputeId = chosen || disputes[0]?.id || '';
  const [outcome, setOutcome] = useState<Outcome>('rejected');
  const [creditNote, setCreditNote] = useState('');
  const [notes, setNotes] = useState('');
  const submit = async () => {
    const r = await action.run(() =>
      api.POST('/disputes/{disputeId}/resolve', {
        params: { path: { disputeId } },
        body: { outcome, ...(creditNote ? { creditNote } : {}), ...(notes ? { notes } : {}) },
      }),
    );
    if (r) onDone(t('form.resolved', { id: r.id }));
  };
  return (
    <ActionForm title={t('action.resolve')} action={action} onSubmit={submit} onClose={onClose}>
      {open.data !== undefined && disputes.length === 0 && <p className="muted">{t('form.noOpenDisputes')}</p>}
      <label>
        {t('form.dispute')}
        <select required value={disputeId} onChange={(e) => setChosen(e.target.value)}>
          {disputes.map((d) => (
            <option key={d.id} value={d.id}>
              {`${d.id} · ${d.documents.join(', ')} · ${t(`dispute.reason.${d.reason as 'other'}`)}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('form.outcome')}
        <select value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`dispute.outcome.${o}`)}
            </option>
          ))}
        </select>
      </label>
      {outcome !== 'rejected' && (
        <label>
          {t('form.creditNote')}
          <input required value={creditNote} onChange={(e) => setCreditNote(e.target.value)} />
        </label>
      )}
      <label>
        {t('form.notes')}
        <textarea maxLength={4000} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
    </ActionForm>
  );
}
