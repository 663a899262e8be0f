import { displayWidth, pad } from './width';

export interface TableColumn {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

/**
 * An aligned plain-text table: header, rule, rows, and an optional totals row under a second rule.
 * Wide (CJK) characters are counted as two columns so names line up.
 */
export function renderTable(
  columns: readonly TableColumn[],
  rows: readonly string[][],
  totals?: readonly string[],
): string {
  const all = totals ? [...rows, [...totals]] : rows;
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...all.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0, columns[i]?.align ?? 'left'))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const out = [line(columns.map((c) => c.header)), rule, ...rows.map(line)];
  if (totals) out.push(rule, line(totals));
  return out.join('\n');
}
