import { useState } from 'react';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { ActionProps } from './action-props';
import { ActionForm } from './dialog';
import { AmountField } from './fields';

/** Asks for a credit limit; another credit manager approves or rejects it (POST /buyers/{id}/limit-requests). */
export function LimitAction({ detail, onDone, onClose }: ActionProps) {
  const { t, lang } = useI18n();
  const action = useAction();
  const currency = detail.buyer.currency;
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const submit = async () => {
    const r = await action.run(() =>
      api.POST('/buyers/{id}/limit-requests', {
        params: { path: { id: detail.buyer.id } },
        body: { amount, currency, reason },
      }),
    );
    if (r) onDone(t('form.limitRequested', { amount: formatMoney(lang, { amount, currency }) }));
  };
  return (
    <ActionForm title={t('action.limit')} action={action} onSubmit={submit} onClose={onClose}>
      <AmountField currency={currency} value={amount} onChange={setAmount} />
      <label>
        {t('form.reason')}
        <input required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
    </ActionForm>
  );
}
