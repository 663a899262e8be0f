import type { ReactNode } from 'react';
import { PAGE_SIZE, Pager } from './pager';

/** A column's heading; `num` right-aligns it (amounts, counts). */
export interface Column {
  readonly label: string;
  readonly num?: boolean;
}

/**
 * A paged table of the credit desk: its headings, its rows (the page's), and the pager under it; `empty` in its place
 * when there is no row at all.
 */
export function DeskTable(p: {
  columns: readonly Column[];
  empty: string;
  /** Rows on this page (0: the `empty` text instead of the table). */
  rows: number;
  page: number;
  total: number;
  onPage: (page: number) => void;
  size?: number;
  children: ReactNode;
}) {
  if (p.rows === 0) return <p className="muted">{p.empty}</p>;
  return (
    <>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              {p.columns.map((c) => (
                <th key={c.label} scope="col" className={c.num ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{p.children}</tbody>
        </table>
      </div>
      <Pager page={p.page} total={p.total} onPage={p.onPage} size={p.size ?? PAGE_SIZE} />
    </>
  );
}

/** A cell of reasons, one a line (the check's, the review's), in the words the API wrote them in. */
export function ReasonsCell({ reasons }: { reasons: readonly { readonly code: string; readonly text: string }[] }) {
  return (
    <td>
      <ul className="reasons">
        {reasons.map((x) => (
          <li key={x.code}>{x.text}</li>
        ))}
      </ul>
    </td>
  );
}
