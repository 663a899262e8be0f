import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';

export function BuyerMaster({ buyer }: { buyer: Schemas['Buyer'] }) {
  const { t } = useI18n();
  const rows: [string, string | undefined][] = [
    [t('buyer.legalId'), buyer.legalId],
    [t('buyer.country'), buyer.country],
    [t('buyer.industry'), buyer.industry],
    [t('buyer.currency'), buyer.currency],
    [t('buyer.terms'), t('common.days', { n: buyer.paymentTermsDays })],
    [t('buyer.salesOwner'), buyer.salesOwner],
    [t('buyer.collector'), buyer.collector],
  ];
  return (
    <section className="panel">
      <h2>{t('buyer.masterData')}</h2>
      <dl className="facts">
        {rows
          .filter(([, v]) => v !== undefined && v !== '')
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
