import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { DatedPage } from '../components/dated-page';
import { Status } from '../components/status';
import { formatAmount } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

/** The expected credit loss (IFRS 9 provision matrix) by aging bucket: GET /reports/ecl. */
export function EclPage() {
  return (
    <DatedPage path="/ecl" title="ecl.title">
      {(asOf, currency) => <Matrix asOf={asOf} currency={currency} />}
    </DatedPage>
  );
}

function Matrix({ asOf, currency }: { asOf: string; currency: string }) {
  const { t, lang } = useI18n();
  const ecl = useApi(() => api.GET('/reports/ecl', { params: { query: { asOf, currency } } }), [asOf, currency]);
  const amount = (a: string) => formatAmount(lang, { amount: a, currency });
  return (
    <Status of={ecl}>
      {(d) => (
        <section className="panel" aria-labelledby="ecl-matrix">
          <h2 id="ecl-matrix">{t('ecl.matrix', { currency: d.currency })}</h2>
          <div className="table-wrap">
            <table data-testid="ecl-table">
              <thead>
                <tr>
                  <th scope="col">{t('ecl.bucket')}</th>
                  <th scope="col" className="num">
                    {t('ecl.exposure')}
                  </th>
                  <th scope="col" className="num">
                    {t('ecl.lossRate')}
                  </th>
                  <th scope="col" className="num">
                    {t('ecl.provision')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.buckets.map((b) => (
                  <tr key={b.label}>
                    <th scope="row">{b.label === 'not_due' ? t('ecl.notDue') : b.label}</th>
                    <td className="num">{amount(b.exposure)}</td>
                    <td className="num">{b.lossRate}</td>
                    <td className="num">{amount(b.provision)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('ecl.total')}</th>
                  <td />
                  <td />
                  <td className="num">{amount(d.total)}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <p className="muted">{t(d.rates === 'given' ? 'ecl.rates.given' : 'ecl.rates.rollRates')}</p>
        </section>
      )}
    </Status>
  );
}
