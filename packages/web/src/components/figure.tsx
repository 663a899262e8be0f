import type { ReactNode } from 'react';
import { Link } from '../router';

/** A headline figure; with `href`, a link to what is behind it. */
export function Figure({
  label,
  value,
  note,
  href,
  testId,
}: {
  label: string;
  value: string;
  note?: ReactNode;
  href?: string;
  testId?: string;
}) {
  const body = (
    <>
      <span className="figure-label">{label}</span>
      <span className="figure-value" data-testid={testId}>
        {value}
      </span>
      {note !== undefined && <span className="figure-note">{note}</span>}
    </>
  );
  return (
    <div className="figure">
      {href ? (
        <Link href={href} className="figure-link">
          {body}
        </Link>
      ) : (
        body
      )}
    </div>
  );
}
