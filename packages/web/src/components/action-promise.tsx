import { useState } from 'react';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { type ActionProps, openInvoices } from './action-props';
import { ActionForm } from './dialog';
import { AmountField, ChoiceField, NotesField } from './fields';

/** A promise to pay an amount by a date, for all open items (POST /buyers/{id}/promises). */
export function PromiseAction({ detail, onDone, onClose }: ActionProps) {
  const { t, lang } = useI18n();
  const action = useAction();
  const currencies = [...new Set(openInvoices(detail).map((i) => i.owed.currency))];
  const [currency, setCurrency] = useState(currencies[0] ?? detail.buyer.currency);
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState('');
  const [notes, setNotes] = useState('');
  const submit = async () => {
    const r = await action.run(() =>
      api.POST('/buyers/{id}/promises', {
        params: { path: { id: detail.buyer.id } },
        body: { amount, currency, date, ...(notes ? { notes } : {}) },
      }),
    );
    if (r) onDone(t('form.promised', { amount: formatMoney(lang, r.amount), date: r.promisedDate }));
  };
  return (
    <ActionForm title={t('action.promise')} action={action} onSubmit={submit} onClose={onClose}>
      <AmountField currency={currency} value={amount} onChange={setAmount} />
      {currencies.length > 1 && (
        <ChoiceField
          label={t('form.currency')}
          value={currency}
          options={currencies.map((c) => ({ value: c, text: c }))}
          onChange={setCurrency}
        />
      )}
      <label>
        {t('form.promisedDate')}
        <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <NotesField value={notes} onChange={setNotes} />
    </ActionForm>
  );
}
