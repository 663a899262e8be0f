import { useState } from 'react';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useI18n } from '../i18n/i18n';
import type { ActionProps } from './action-props';
import { ActionForm } from './dialog';

/** Lifts the buyer's dunning pause now (POST /buyers/{id}/resume). */
export function ResumeAction({ detail, onDone, onClose }: ActionProps) {
  const { t } = useI18n();
  const action = useAction();
  const [reason, setReason] = useState('');
  const submit = async () => {
    const r = await action.run(() =>
      api.POST('/buyers/{id}/resume', { params: { path: { id: detail.buyer.id } }, body: { reason } }),
    );
    if (r) onDone(t('form.resumed'));
  };
  return (
    <ActionForm title={t('action.resume')} action={action} onSubmit={submit} onClose={onClose}>
      <label>
        {t('form.reason')}
        <input required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
    </ActionForm>
  );
}
