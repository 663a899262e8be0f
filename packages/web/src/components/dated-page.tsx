import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { href, navigate, useLocation } from '../router';
import { AsOfPicker, useAsOf } from './as-of';

const CURRENCIES = ['EUR', 'USD', 'CNY', 'GBP', 'JPY', 'HKD', 'TWD'];

/**
 * A page as of a date in a reporting currency (the dashboard, the cash forecast, the credit loss): its title with
 * the date, the date picker and the currency choice, both kept in the URL; the body gets the two.
 */
export function DatedPage({
  path,
  title,
  children,
}: {
  readonly path: string;
  readonly title: MessageKey;
  readonly children: (asOf: string, currency: string) => ReactNode;
}) {
  const asOf = useAsOf();
  const { t } = useI18n();
  const { query } = useLocation();
  const currency = query.get('currency') ?? 'EUR';
  if (asOf === undefined) return <p className="muted">{t('common.loading')}</p>;
  return (
    <>
      <header className="page-head">
        <h1>{t(title, { date: asOf })}</h1>
        <div className="controls">
          <AsOfPicker asOf={asOf} />
          <label className="inline">
            {t('common.currency')}{' '}
            <select value={currency} onChange={(e) => navigate(href(path, { asOf, currency: e.target.value }))}>
              {CURRENCIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        </div>
      </header>
      {children(asOf, currency)}
    </>
  );
}
