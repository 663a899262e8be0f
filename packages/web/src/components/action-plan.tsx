import { useState } from 'react';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { type ActionProps, openInvoices } from './action-props';
import { ActionForm } from './dialog';

/**
 * A payment plan: open invoices of one currency paid in equal monthly instalments from a first date; they replace
 * the invoices' due dates for dunning (POST /buyers/{id}/plans, `monthly`).
 */
export function PlanAction({ detail, onDone, onClose }: ActionProps) {
  const { t, lang } = useI18n();
  const action = useAction();
  const invoices = openInvoices(detail);
  const currency = invoices[0]?.owed.currency;
  const [documents, setDocuments] = useState<string[]>(
    invoices.filter((i) => i.owed.currency === currency).map((i) => i.number),
  );
  const [count, setCount] = useState(3);
  const [first, setFirst] = useState('');
  const toggle = (n: string, on: boolean) => setDocuments((ds) => (on ? [...ds, n] : ds.filter((d) => d !== n)));
  const submit = async () => {
    const r = await action.run(() =>
      api.POST('/buyers/{id}/plans', {
        params: { path: { id: detail.buyer.id } },
        body: { documents, monthly: { count, first } },
      }),
    );
    if (r) onDone(t('form.planned', { n: count }));
  };
  return (
    <ActionForm title={t('action.plan')} action={action} onSubmit={submit} onClose={onClose}>
      <fieldset>
        <legend>{t('form.documents')}</legend>
        {invoices.length === 0 && <p className="muted">{t('form.noInvoices')}</p>}
        {invoices.map((i) => (
          <label key={i.number} className="inline">
            <input
              type="checkbox"
              checked={documents.includes(i.number)}
              onChange={(e) => toggle(i.number, e.target.checked)}
            />
            {`${i.number} · ${formatMoney(lang, i.owed)}`}
          </label>
        ))}
      </fieldset>
      <label>
        {t('form.instalments')}
        <input
          type="number"
          min={1}
          max={120}
          required
          value={count}
          onChange={(e) => setCount(Number(e.target.value))}
        />
      </label>
      <label>
        {t('form.firstInstalment')}
        <input type="date" required value={first} onChange={(e) => setFirst(e.target.value)} />
      </label>
    </ActionForm>
  );
}
