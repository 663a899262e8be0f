import type { Schemas } from '../api/client';
import type { MessageKey } from '../i18n/en';
import { formatDate, formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

type Detail = Schemas['BuyerDetail'];

/**
 * Cannot pay or will not pay, with the signals and the next step; and the open invoices whose proof of delivery
 * is due and not confirmed (docs/domain/credit-policy.md §5, §6).
 */
export function BuyerSignals({ detail }: { detail: Detail }) {
  const { t, lang } = useI18n();
  const p = detail.payerPattern;
  return (
    <section className="panel">
      <h2>{t('payer.title')}</h2>
      <p>
        <strong>{t(`payer.class.${p.class}` as MessageKey)}</strong>
        {p.nextStep !== 'none' && <> · {t(`payer.next.${p.nextStep}` as MessageKey)}</>}
      </p>
      {p.reasons.length > 0 && (
        <ul>
          {p.reasons.map((r) => (
            <li key={r.code}>{t(`payer.reason.${r.code}` as MessageKey)}</li>
          ))}
        </ul>
      )}
      <h3>{t('delivery.unconfirmed')}</h3>
      {detail.unconfirmedDeliveries.length === 0 ? (
        <p className="muted">{t('common.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('doc.number')}</th>
                <th scope="col" className="num">
                  {t('delivery.amount')}
                </th>
                <th scope="col">{t('delivery.deliveredOn')}</th>
                <th scope="col" className="num">
                  {t('delivery.daysLate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {detail.unconfirmedDeliveries.map((u) => (
                <tr key={u.number}>
                  <td>{u.number}</td>
                  <td className="num">{formatMoney(lang, u.amount)}</td>
                  <td>{formatDate(lang, u.deliveredOn)}</td>
                  <td className="num">{u.daysLate}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
