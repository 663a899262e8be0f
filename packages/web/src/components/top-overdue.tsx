import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { href, Link } from '../router';
import { Status } from './status';

/** The ten most overdue buyers (ranked by the server in the reporting currency), each a link to its page. */
export function TopOverdue({ asOf, currency }: { asOf: string; currency: string }) {
  const { t, lang } = useI18n();
  const top = useApi(
    () => api.GET('/reports/overdue-buyers', { params: { query: { asOf, reportingCurrency: currency, limit: 10 } } }),
    [asOf, currency],
  );
  return (
    <Status of={top}>
      {(r) => (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('buyer.id')}</th>
                <th scope="col" className="num">
                  {t('buyer.overdue')}
                </th>
                <th scope="col" className="num">
                  {t('buyer.oldest')}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.buyers.map((b) => (
                <tr key={b.buyerId}>
                  <td>
                    <Link href={href(`/buyers/${encodeURIComponent(b.buyerId)}`, { asOf })}>{b.name}</Link>{' '}
                    <span className="muted">{b.buyerId}</span>
                  </td>
                  <td className="num">{formatMoney(lang, b.overdue)}</td>
                  <td className="num">{t('common.days', { n: b.oldestDaysOverdue })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Status>
  );
}
