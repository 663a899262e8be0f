import type { Schemas } from '../api/client';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { rowReason } from '../i18n/row-reason';
import type { ImportKind } from '../pages/pages';

/** What an upload came to: imported (its counts), rejected (its row errors), or refused as a whole. */
export type Outcome = { readonly file: string; readonly kind: ImportKind } & (
  | { readonly summary: Schemas['ImportSummary'] }
  | { readonly rejected: Schemas['ImportRejected'] }
  | { readonly problem: string }
);

export function ImportResult({ outcome }: { outcome: Outcome }) {
  const { t } = useI18n();
  const what = t(`import.kind.${outcome.kind}` as MessageKey);
  if ('summary' in outcome) return <Imported file={outcome.file} what={what} s={outcome.summary} />;
  if ('problem' in outcome)
    return (
      <section className="panel result result-bad" role="alert" aria-labelledby="result-head">
        <h2 id="result-head">{t('import.refused', { file: outcome.file })}</h2>
        <p>{outcome.problem}</p>
      </section>
    );
  const r = outcome.rejected;
  return (
    <section className="panel result result-bad" aria-labelledby="result-head">
      <div role="alert">
        <h2 id="result-head">{t('import.rejected', { file: outcome.file, n: r.errorCount })}</h2>
        <p>{t('import.rejectedNothing', { what })}</p>
      </div>
      {r.rowErrors.length < r.errorCount && (
        <p className="muted">{t('import.firstErrors', { shown: r.rowErrors.length, n: r.errorCount })}</p>
      )}
      <div className="table-wrap">
        <table className="row-errors">
          <caption className="sr-only">{t('import.errorsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('import.row')}
              </th>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.value')}</th>
              <th scope="col">{t('import.message')}</th>
            </tr>
          </thead>
          <tbody>
            {r.rowErrors.map((e, i) => (
              <tr key={`${e.row}-${e.column}-${i}`}>
                <td className="num">{e.row}</td>
                <td>
                  <code>{e.column}</code>
                </td>
                <td className="value">{e.value}</td>
                <td>{rowReason(t, e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Imported({ file, what, s }: { file: string; what: string; s: Schemas['ImportSummary'] }) {
  const { t } = useI18n();
  const nothingNew = s.created === 0 && s.updated === 0 && s.allocations === 0;
  const counts: [MessageKey, number][] = [
    ['import.rows', s.rows],
    ['import.created', s.created],
    ['import.updated', s.updated],
    ['import.unchanged', s.unchanged],
    ['import.allocations', s.allocations],
    ['import.skipped', s.skipped],
  ];
  return (
    <section className="panel result result-ok" aria-labelledby="result-head">
      <div role="status">
        <h2 id="result-head">{t('import.imported', { file })}</h2>
        <p>{nothingNew ? t('import.nothingNew', { n: s.unchanged }) : t('import.importedWhat', { what })}</p>
      </div>
      <dl className="counts">
        {counts.map(([k, n]) => (
          <div key={k} data-testid={k.slice('import.'.length)}>
            <dt>{t(k)}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
