import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { problemMessage } from '../api/problem';
import { useAction } from '../api/use-action';
import { useI18n } from '../i18n/i18n';
import type { ActionProps } from './action-props';
import { Dialog, FormError } from './dialog';

interface Preview {
  readonly html?: string;
  readonly pdf?: string;
  readonly problem?: string;
}

/**
 * The buyer's next letter (today's: the one recorded, else the one a run would send): the HTML shown inline, the
 * PDF to open or download, and Send after a confirmation (GET, then POST /buyers/{id}/letter).
 */
export function LetterAction({ detail, onDone, onClose }: ActionProps) {
  const { t } = useI18n();
  const action = useAction();
  const id = detail.buyer.id;
  const [preview, setPreview] = useState<Preview>();
  const [confirming, setConfirming] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  // Asked to confirm: the focus on the confirming button (Enter sends, Escape closes the dialog).
  useEffect(() => {
    if (confirming) yes.current?.focus();
  }, [confirming]);
  useEffect(() => {
    let url: string | undefined;
    let live = true;
    const path = { params: { path: { id } } } as const;
    void Promise.all([
      api.GET('/buyers/{id}/letter', { params: { path: { id }, query: { format: 'html' } }, parseAs: 'text' }),
      api.GET('/buyers/{id}/letter', { ...path, parseAs: 'blob' }),
    ]).then(([html, pdf]) => {
      if (!live) return;
      if (pdf.data instanceof Blob) url = URL.createObjectURL(pdf.data);
      setPreview(
        html.response.ok && typeof html.data === 'string'
          ? { html: html.data, ...(url !== undefined ? { pdf: url } : {}) }
          : { problem: problemMessage(t, html.error) },
      );
    });
    return () => {
      live = false;
      if (url !== undefined) URL.revokeObjectURL(url);
    };
  }, [id, t]);
  const send = async () => {
    const r = await action.run(() => api.POST('/buyers/{id}/letter', { params: { path: { id } } }));
    if (r) onDone(t('letter.sent', { id: r.letterId }));
  };
  return (
    <Dialog title={t('action.letter')} onClose={onClose} wide>
      {preview === undefined && (
        <p className="muted" aria-busy="true">
          {t('common.loading')}
        </p>
      )}
      {preview?.problem !== undefined && <p role="alert">{preview.problem}</p>}
      {preview?.html !== undefined && (
        <iframe className="letter" title={t('letter.frame')} srcDoc={preview.html} sandbox="allow-same-origin" />
      )}
      <FormError action={action} />
      {confirming && (
        <div className="confirm">
          <p>{t('letter.confirm', { buyer: detail.buyer.name })}</p>
          <div className="buttons">
            <button type="button" ref={yes} onClick={send} disabled={action.busy}>
              {action.busy ? t('form.saving') : t('letter.confirmSend')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('form.back')}
            </button>
          </div>
        </div>
      )}
      <div className="buttons">
        {preview?.pdf !== undefined && (
          <a
            className="button secondary"
            href={preview.pdf}
            download={`${id}-letter.pdf`}
            target="_blank"
            rel="noopener"
          >
            {t('letter.pdf')}
          </a>
        )}
        {preview?.html !== undefined && !confirming && (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('letter.send')}
          </button>
        )}
        <button type="button" className="secondary" onClick={onClose}>
          {t('form.close')}
        </button>
      </div>
    </Dialog>
  );
}
