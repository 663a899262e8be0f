import { type ComponentType, useState } from 'react';
import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { type ActionId, actionsFor } from '../pages/actions';
import type { Role } from '../session/session';
import { DisputeAction } from './action-dispute';
import { LetterAction } from './action-letter';
import { LimitAction } from './action-limit';
import { NoteAction } from './action-note';
import { PauseAction } from './action-pause';
import { PlanAction } from './action-plan';
import { PromiseAction } from './action-promise';
import type { ActionProps } from './action-props';
import { ResolveAction } from './action-resolve';
import { ResumeAction } from './action-resume';

const FORMS: Readonly<Record<ActionId, ComponentType<ActionProps>>> = {
  note: NoteAction,
  promise: PromiseAction,
  plan: PlanAction,
  dispute: DisputeAction,
  resolve: ResolveAction,
  pause: PauseAction,
  resume: ResumeAction,
  limit: LimitAction,
  letter: LetterAction,
};

/**
 * One click to act on the buyer: a button per action the role may take (a pause or its lifting, as the timeline
 * says; resolving only with a dispute open), each opening its dialog; when one records, the page refreshes.
 */
export function BuyerActions({
  role,
  detail,
  timeline,
  asOf,
  onChanged,
}: {
  role: Role;
  detail: Schemas['BuyerDetail'];
  timeline: Schemas['Timeline'] | undefined;
  asOf: string;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<ActionId>();
  const [done, setDone] = useState('');
  const paused = pausedUntil(timeline, asOf) !== undefined;
  const offered = actionsFor(role).filter((a) =>
    a.id === 'pause' ? !paused : a.id === 'resume' ? paused : a.id !== 'resolve' || hasOpenDispute(timeline),
  );
  if (offered.length === 0) return null;
  const Form = open === undefined ? undefined : FORMS[open];
  return (
    <section className="panel actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('action.title')}</h2>
      <div className="buttons">
        {offered.map((a) => (
          <button
            key={a.id}
            type="button"
            onClick={() => setOpen(a.id)}
            className={a.id === 'letter' ? '' : 'secondary'}
          >
            {t(a.label)}
          </button>
        ))}
      </div>
      <p className="done" role="status">
        {done}
      </p>
      {Form && (
        <Form
          detail={detail}
          onClose={() => setOpen(undefined)}
          onDone={(message) => {
            setOpen(undefined);
            setDone(message);
            onChanged();
          }}
        />
      )}
    </section>
  );
}

/** The last day of a pause in force on `asOf`, from the timeline (the last pause or resume decides). */
export function pausedUntil(timeline: Schemas['Timeline'] | undefined, asOf: string): string | undefined {
  const last = timeline?.entries.filter((e) => e.kind === 'paused' || e.kind === 'resumed').at(-1);
  const until = last?.kind === 'paused' ? last.params.until : undefined;
  return typeof until === 'string' && until >= asOf ? until : undefined;
}

/** Whether a dispute opened on the timeline is not resolved yet. */
function hasOpenDispute(timeline: Schemas['Timeline'] | undefined): boolean {
  const entries = timeline?.entries ?? [];
  const opened = entries.filter((e) => e.kind === 'dispute_opened').map((e) => e.ref);
  const resolved = new Set(entries.filter((e) => e.kind === 'dispute_resolved').map((e) => e.ref));
  return opened.some((ref) => !resolved.has(ref));
}
