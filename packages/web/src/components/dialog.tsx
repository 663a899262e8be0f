import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import type { Action } from '../api/use-action';
import { useI18n } from '../i18n/i18n';

/**
 * A modal dialog (the browser's own <dialog>): focus moves into it and stays there, Escape closes it, and focus
 * returns to the button that opened it.
 */
export function Dialog({
  title,
  onClose,
  children,
  wide,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => {
      d?.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className={wide ? 'action wide' : 'action'}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

/** A dialog with a form: its fields, the API's refusal in words (announced), Save and Cancel. */
export function ActionForm({
  title,
  action,
  onSubmit,
  onClose,
  children,
  submitLabel,
}: {
  title: string;
  action: Action;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
  submitLabel?: string;
}) {
  const { t } = useI18n();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={submit} className="fields">
        {children}
        <FormError action={action} />
        <div className="buttons">
          <button type="submit" disabled={action.busy}>
            {action.busy ? t('form.saving') : (submitLabel ?? t('form.save'))}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function FormError({ action }: { action: Action }) {
  if (action.error === undefined) return null;
  return (
    <div className="form-error" role="alert">
      <p>{action.error.message}</p>
      {action.error.detail !== undefined && (
        <p className="muted small" lang="en">
          {action.error.detail}
        </p>
      )}
    </div>
  );
}
