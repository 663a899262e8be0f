import { useState } from 'react';
import type { Schemas } from '../api/client';
import { formatDate, formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { Pager, pageOf } from './pager';

/** The buyer's open invoices and credit notes, oldest first (the API's order), a page at a time. */
export function OpenDocuments({ items }: { items: Schemas['BuyerDetail']['openItems'] }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  if (items.length === 0) return <p className="muted">{t('common.none')}</p>;
  return (
    <>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('doc.number')}</th>
              <th scope="col">{t('doc.type')}</th>
              <th scope="col">{t('doc.issueDate')}</th>
              <th scope="col">{t('doc.dueDate')}</th>
              <th scope="col" className="num">
                {t('doc.daysOverdue')}
              </th>
              <th scope="col" className="num">
                {t('doc.open')}
              </th>
              <th scope="col" className="num">
                {t('doc.owed')}
              </th>
            </tr>
          </thead>
          <tbody>
            {pageOf(items, page).map((i) => (
              <tr key={i.number} className={i.daysOverdue > 0 ? 'late' : undefined}>
                <td>{i.number}</td>
                <td>{t(i.type === 'invoice' ? 'doc.invoice' : 'doc.credit_note')}</td>
                <td>{formatDate(lang, i.issueDate)}</td>
                <td>{formatDate(lang, i.dueDate)}</td>
                <td className="num">{i.daysOverdue > 0 ? i.daysOverdue : ''}</td>
                <td className="num">{formatMoney(lang, i.open)}</td>
                <td className="num">{formatMoney(lang, i.owed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} total={items.length} onPage={setPage} />
    </>
  );
}
