import type { TimelineEntry } from '@credence/app';
import { renderTable } from '@credence/core';

/** The timeline as a table: date, what, reference, who, and the summary. */
export function renderTimeline(buyerId: string, entries: readonly TimelineEntry[]): string {
  if (entries.length === 0) return `${buyerId}: nothing recorded yet.`;
  return renderTable(
    [
      { header: 'date', align: 'left' },
      { header: 'what', align: 'left' },
      { header: 'ref', align: 'left' },
      { header: 'by', align: 'left' },
      { header: 'summary', align: 'left' },
    ],
    entries.map((e) => [e.date, e.kind.replace('_', ' '), e.ref ?? '', e.by ?? '', e.summary]),
  );
}
