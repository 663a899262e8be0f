import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { useAction } from '../api/use-action';
import { formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { type ActionProps, openInvoices } from './action-props';
import { ActionForm } from './dialog';
import { ChoiceField, NotesField } from './fields';

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
      <ChoiceField
        required
        label={t('form.document')}
        value={document}
        options={invoices.map((i) => ({ value: i.number, text: `${i.number} · ${formatMoney(lang, i.owed)}` }))}
        onChange={setDocument}
      />
      <ChoiceField
        label={t('form.reason')}
        value={reason}
        options={DISPUTE_REASONS.map((r) => ({ value: r, text: t(`dispute.reason.${r}`) }))}
        onChange={setReason}
      />
      <NotesField value={notes} onChange={setNotes} />
    </ActionForm>
  );
}
