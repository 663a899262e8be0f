import { useState } from 'react';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useI18n } from '../i18n/i18n';
import type { ActionProps } from './action-props';
import { ActionForm } from './dialog';

/** A note, or a call with the buyer (POST /buyers/{id}/notes). */
export function NoteAction({ detail, onDone, onClose }: ActionProps) {
  const { t } = useI18n();
  const action = useAction();
  const [kind, setKind] = useState<'note' | 'call'>('note');
  const [text, setText] = useState('');
  const submit = async () => {
    const r = await action.run(() =>
      api.POST('/buyers/{id}/notes', { params: { path: { id: detail.buyer.id } }, body: { kind, text } }),
    );
    if (r) onDone(t('form.done', { what: t(kind === 'call' ? 'note.kind.call' : 'note.kind.note') }));
  };
  return (
    <ActionForm title={t('action.note')} action={action} onSubmit={submit} onClose={onClose}>
      <label>
        {t('form.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as 'note' | 'call')}>
          <option value="note">{t('note.kind.note')}</option>
          <option value="call">{t('note.kind.call')}</option>
        </select>
      </label>
      <label>
        {t('form.text')}
        <textarea required maxLength={4000} rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
    </ActionForm>
  );
}
