import type { Letter } from '@credence/app';
import { displayWidth, pad, renderTable } from '@credence/core';
import { composeLetter, FIRST_NUMERIC_COLUMN, type Pair } from './compose';
import type { Templates } from './load-templates';

/** The letter as a plain-text email: subject line and body (CJK-aware column alignment). */
export function renderText(letter: Letter, templates: Templates): { subject: string; text: string } {
  const c = composeLetter(letter, templates);
  const columns = c.table.headers.map((header, i) => ({
    header,
    align: i < FIRST_NUMERIC_COLUMN ? ('left' as const) : ('right' as const),
  }));
  const blocks = [
    [c.debtor.name, ...pairs(c.meta)].join('\n'),
    c.greeting,
    c.opening,
    renderTable(
      columns,
      c.table.rows.map((r) => [...r]),
    ),
    ...(c.credits ? [[c.credits.intro, ...pairs(c.credits.rows, 'right')].join('\n')] : []),
    ...c.totals.map((t) => [t.heading, ...pairs(t.rows, 'right')].join('\n')),
    c.interest,
    [c.payment, ...pairs(c.bank)].join('\n'),
    c.nextStep,
    c.dispute,
    c.closing,
    [c.signoff, ...c.signature].join('\n'),
    ...(c.footer ? [`-- \n${c.footer}`] : []),
  ];
  return { subject: c.subject, text: `${blocks.join('\n\n')}\n` };
}

/** "label   value" lines, labels padded to one width; values right-aligned for amounts. */
function pairs(rows: readonly Pair[], align: 'left' | 'right' = 'left'): string[] {
  const labelWidth = Math.max(...rows.map(([label]) => displayWidth(label)));
  const valueWidth = Math.max(...rows.map(([, value]) => displayWidth(value)));
  return rows.map(([label, value]) =>
    `  ${pad(label, labelWidth, 'left')}  ${pad(value, valueWidth, align)}`.trimEnd(),
  );
}
