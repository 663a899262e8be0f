import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { useAction } from '../api/use-action';
import { formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { type ActionProps, openInvoices } from './action-props';
import { ActionForm } from './dialog';

type Reason = Schemas['DisputeRequest']['reason'];
export const DISPUTE_REASONS: readonly Reason[] = [
  'quality',
  'quantity',
  'price',
  'not_received',
  'duplicate',
  'other',
];

/** A dispute on one open invoice, with its reason: dunning pauses for it until resolved (POST /disputes). */
export function DisputeAction({ detail, onDone, onClose }: ActionProps) {
  const { t, lang } = useI18n();
  const action = useAction();
  const invoices = openInvoices(detail);
  const [document, setDocument] = useState(invoices[0]?.number ?? '');
  const [reason, setReason] = useState<Reason>('quality');
  const [notes, setNotes] = useState('');
  const submit = async () => {
    const r = await action.run(() =>
      api.POST('/disputes', { body: { documents: [document], reason, ...(notes ? { notes } : {}) } }),
    );
    if (r) onDone(t('form.disputed', { id: r.id, documents: r.documents.join(', ') }));
  };
  return (
    <ActionForm title={t('action.dispute')} action={action} onSubmit={submit} onClose={onClose}>
      {invoices.length === 0 && <p className="muted">{t('form.noInvoices')}</p>}
      <label>
        {t('form.document')}
        <select required value={document} onChange={(e) => setDocument(e.target.value)}>
          {invoices.map((i) => (
            <option key={i.number} value={i.number}>
              {`${i.number} · ${formatMoney(lang, i.owed)}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('form.reason')}
        <select value={reason} onChange={(e) => setReason(e.target.value as Reason)}>
          {DISPUTE_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`dispute.reason.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('form.notes')}
        <textarea maxLength={4000} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
    </ActionForm>
  );
}
