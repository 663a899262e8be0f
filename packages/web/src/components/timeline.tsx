import { useState } from 'react';
import type { Schemas } from '../api/client';
import type { Loaded } from '../api/use-api';
import type { MessageKey } from '../i18n/en';
import { en } from '../i18n/en';
import { formatDate } from '../i18n/format';
import { type Params, useI18n } from '../i18n/i18n';
import { Pager, pageOf } from './pager';
import { Status } from './status';
import { actorText, entryText } from './timeline-text';

/** Everything that happened in collecting with the buyer, newest first, a page at a time, in the chosen language. */
export function Timeline({ of }: { of: Loaded<Schemas['Timeline']> }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  return (
    <Status of={of}>
      {(tl) => {
        const entries = [...tl.entries].reverse();
        if (entries.length === 0) return <p className="muted">{t('common.none')}</p>;
        return (
          <>
            <div className="table-wrap">
              <table className="timeline" data-testid="timeline">
                <thead>
                  <tr>
                    <th scope="col">{t('timeline.date')}</th>
                    <th scope="col">{t('timeline.kind')}</th>
                    <th scope="col">{t('timeline.summary')}</th>
                    <th scope="col">{t('timeline.by')}</th>
                  </tr>
                </thead>
                <tbody>
                  {pageOf(entries, page).map((e, i) => (
                    <tr key={`${e.date}-${e.kind}-${e.ref ?? ''}-${i}`}>
                      <td>{formatDate(lang, e.date)}</td>
                      <td>{kindName(t, e.kind)}</td>
                      <td>{entryText(t, lang, e)}</td>
                      <td>{actorText(t, e.by)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={page} total={entries.length} onPage={setPage} />
          </>
        );
      }}
    </Status>
  );
}

/** The kind of an entry in words; a kind the catalogue does not know yet as the API names it. */
function kindName(t: (k: MessageKey, p?: Params) => string, kind: string): string {
  const key = `timeline.kind.${kind}`;
  return key in en ? t(key as MessageKey) : kind;
}
