import { useEffect, useState } from 'react';
import { api, problemText } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

/** A letter to show: one a run recorded (by id), or the one a run of the date would send a buyer (a preview). */
export type LetterRef =
  | { readonly kind: 'recorded'; readonly letterId: string }
  | { readonly kind: 'planned'; readonly letterId: string; readonly buyerId: string; readonly asOf: string };

function fetchLetter(ref: LetterRef, format: 'html' | 'pdf') {
  const parseAs = format === 'html' ? ('text' as const) : ('blob' as const);
  return ref.kind === 'recorded'
    ? api.GET('/letters/{letterId}', { params: { path: { letterId: ref.letterId }, query: { format } }, parseAs })
    : api.GET('/buyers/{id}/letter', {
        params: { path: { id: ref.buyerId }, query: { asOf: ref.asOf, format } },
        parseAs,
      });
}

/** The letter as HTML in a sandboxed frame (no script, no same origin), and its PDF as a link. */
export function LetterPreview({ of, onClose }: { of: LetterRef; onClose: () => void }) {
  const { t } = useI18n();
  const [html, setHtml] = useState<string>();
  const [pdf, setPdf] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    setHtml(undefined);
    setError(undefined);
    fetchLetter(of, 'html').then(
      (r) => live && (r.data !== undefined ? setHtml(String(r.data)) : setError(problemText(r.error))),
      (e: unknown) => live && setError(problemText(e)),
    );
    return () => {
      live = false;
    };
  }, [of]);
  useEffect(() => () => (pdf ? URL.revokeObjectURL(pdf) : undefined), [pdf]);
  const loadPdf = async () => {
    const r = await fetchLetter(of, 'pdf');
    if (r.data instanceof Blob) setPdf(URL.createObjectURL(r.data));
    else setError(problemText(r.error));
  };
  return (
    <section className="panel letter-preview" aria-label={t('dunning.letterPreview', { id: of.letterId })}>
      <div className="page-head">
        <h2>{t('dunning.letterPreview', { id: of.letterId })}</h2>
        <div className="controls">
          {pdf ? (
            <a href={pdf} target="_blank" rel="noopener" data-testid="letter-pdf" type="application/pdf">
              {t('dunning.openPdf')}
            </a>
          ) : (
            <button type="button" onClick={loadPdf}>
              {t('dunning.pdf')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('dunning.close')}
          </button>
        </div>
      </div>
      {error !== undefined && (
        <p className="error" role="alert">
          {t('common.error', { detail: error })}
        </p>
      )}
      {html === undefined ? (
        error === undefined && <p className="muted">{t('common.loading')}</p>
      ) : (
        <iframe
          className="letter-frame"
          title={t('dunning.letterPreview', { id: of.letterId })}
          sandbox=""
          srcDoc={html}
        />
      )}
    </section>
  );
}
