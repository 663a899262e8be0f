import { type FormEvent, useState } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

type Waiting = Schemas['WaitingLimitRequest'];

/**
 * Approve (the requested amount, or another) or reject a waiting limit request, with a reason. The API enforces
 * four eyes; its problem (403, 409 …) is shown as it comes.
 */
export function LimitDecision({
  x,
  approve,
  onDone,
  onCancel,
}: {
  x: Waiting;
  approve: boolean;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const requested = x.request.limit.amount;
  const [amount, setAmount] = useState(requested);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const buyer = x.buyerName ?? x.buyerId;
  const path = { id: x.buyerId, requestId: x.request.id };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    const r = approve
      ? await api.POST('/buyers/{id}/limit-requests/{requestId}/approve', {
          params: { path },
          body: { reason, ...(amount.trim() !== requested ? { amount: amount.trim() } : {}) },
        })
      : await api.POST('/buyers/{id}/limit-requests/{requestId}/reject', { params: { path }, body: { reason } });
    setBusy(false);
    if (r.error !== undefined || r.data === undefined) {
      setProblem(problemText(r.error));
      return;
    }
    onDone(
      approve
        ? t('desk.approvedMessage', { buyer, amount: formatMoney(lang, r.data.limit) })
        : t('desk.rejectedMessage', { buyer }),
    );
  };
  const id = `decide-${x.request.id}`;
  return (
    <form
      className="decision"
      onSubmit={submit}
      aria-label={t(approve ? 'desk.approveTitle' : 'desk.rejectTitle', { buyer })}
    >
      {approve && (
        <label htmlFor={`${id}-amount`}>
          {t('desk.amountToApprove', { currency: x.request.limit.currency })}
          <input
            id={`${id}-amount`}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            required
          />
        </label>
      )}
      <label htmlFor={`${id}-reason`}>
        {t('desk.decisionReason')}
        <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} required rows={2} />
      </label>
      <div className="decision-buttons">
        <button type="submit" disabled={busy || reason.trim() === ''} className={approve ? undefined : 'danger'}>
          {t(approve ? 'desk.confirmApprove' : 'desk.confirmReject')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('desk.cancel')}
        </button>
      </div>
      {problem !== undefined && (
        <p className="error" role="alert">
          {t('desk.refused', { detail: problem })}
        </p>
      )}
    </form>
  );
}
