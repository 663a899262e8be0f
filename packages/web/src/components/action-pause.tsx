import { useState } from 'react';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { ActionProps } from './action-props';
import { ActionForm } from './dialog';

/** Pauses all of the buyer's dunning until a date, inclusive (POST /buyers/{id}/pause). */
export function PauseAction({ detail, onDone, onClose }: ActionProps) {
  const { t, lang } = useI18n();
  const action = useAction();
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const submit = async () => {
    const r = await action.run(() =>
      api.POST('/buyers/{id}/pause', { params: { path: { id: detail.buyer.id } }, body: { until, reason } }),
    );
    if (r) onDone(t('form.paused', { date: formatDate(lang, r.until ?? until) }));
  };
  return (
    <ActionForm title={t('action.pause')} action={action} onSubmit={submit} onClose={onClose}>
      <label>
        {t('form.until')}
        <input type="date" required value={until} onChange={(e) => setUntil(e.target.value)} />
      </label>
      <label>
        {t('form.reason')}
        <input required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
    </ActionForm>
  );
}
