import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { useI18n } from '../i18n/i18n';
import type { ActionProps } from './action-props';
import { ActionForm } from './dialog';
import { ChoiceField, NotesField } from './fields';

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
      <ChoiceField
        required
        label={t('form.dispute')}
        value={disputeId}
        options={disputes.map((d) => ({
          value: d.id,
          text: `${d.id} · ${d.documents.join(', ')} · ${t(`dispute.reason.${d.reason as 'other'}`)}`,
        }))}
        onChange={setChosen}
      />
      <ChoiceField
        label={t('form.outcome')}
        value={outcome}
        options={OUTCOMES.map((o) => ({ value: o, text: t(`dispute.outcome.${o}`) }))}
        onChange={setOutcome}
      />
      {outcome !== 'rejected' && (
        <label>
          {t('form.creditNote')}
          <input required value={creditNote} onChange={(e) => setCreditNote(e.target.value)} />
        </label>
      )}
      <NotesField value={notes} onChange={setNotes} />
    </ActionForm>
  );
}
