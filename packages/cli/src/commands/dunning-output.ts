import { type DeliverySummary, type DunningRunResult, type FirstRun, listed } from '@credence/app';
import { renderTable } from '@credence/core';
import { describe } from '../exit-codes';

/** The run as JSON: the issue's shape (asOf, actions) plus what was held out, found and delivered. */
export function runJson(r: DunningRunResult, delivery: DeliverySummary | undefined): string {
  return JSON.stringify(
    {
      asOf: r.asOf,
      actions: r.actions,
      skipped: r.skipped,
      events: r.events.map((e) => ({ kind: e.kind, buyerId: e.buyerId, ...('id' in e ? { id: e.id } : {}) })),
      warnings: r.warnings.map(describe),
      ...(r.firstRun ? { firstRun: r.firstRun } : {}),
      ...(delivery
        ? {
            delivery: { ...delivery, failed: delivery.failed.map((f) => ({ outboxId: f.outboxId, detail: f.detail })) },
          }
        : {}),
    },
    null,
    2,
  );
}

/** The run for a person: one line per letter, then what was held out, commitments found, deliveries, warnings. */
export function runText(r: DunningRunResult, delivery: DeliverySummary | undefined, dryRun: boolean): string {
  const buyers = new Set(r.actions.map((a) => a.buyerId)).size;
  const head = `Dunning ${dryRun ? 'preview (dry run, nothing recorded)' : 'run'} as of ${r.asOf}: ${r.letters.length} letter(s) to ${buyers} buyer(s).`;
  const out = [head];
  if (r.letters.length > 0)
    out.push(
      renderTable(
        [
          { header: 'buyer' },
          { header: 'level' },
          { header: 'channel' },
          { header: 'lang' },
          { header: 'documents' },
          { header: 'total', align: 'right' },
          { header: 'pay by' },
        ],
        r.letters.map(({ letter: l }) => [
          `${l.debtor.id} ${l.debtor.name}`,
          l.levelId,
          l.channel,
          l.language,
          listed(l.lines.map((x) => x.number)),
          l.totals.map((t) => `${grouped(t.total)} ${t.currency}`).join(' + '),
          l.deadline,
        ]),
      ),
    );
  if (r.skipped.length > 0) {
    const groups = new Map<string, string[]>();
    for (const s of r.skipped) {
      const key = `${s.buyerId} ${s.reason.replaceAll('_', ' ')}`;
      groups.set(key, [...(groups.get(key) ?? []), s.number]);
    }
    out.push(`Held out: ${[...groups].map(([k, numbers]) => `${k} (${listed(numbers)})`).join('; ')}.`);
  }
  for (const e of r.events) out.push(`${e.buyerId}: ${e.kind.replaceAll('_', ' ')}${'id' in e ? ` ${e.id}` : ''}.`);
  if (delivery && delivery.attempted > 0) {
    out.push(`Delivered: ${delivery.sent} sent, ${delivery.written} written, ${delivery.failed.length} failed.`);
    for (const f of delivery.failed) out.push(`  failed ${f.outboxId}: ${f.detail}`);
  }
  for (const w of r.warnings)
    out.push(
      `Warning: interest not computed — ${describe(w)}; those letters claim no interest (the fixed compensation stays).`,
    );
  if (r.firstRun) out.push(...firstRunText(r.firstRun));
  return out.join('\n');
}

const WHY: Readonly<Record<FirstRun['reason'], (f: FirstRun) => string>> = {
  no_confirmed_run: () => 'no run has been confirmed on this database yet',
  history_imported: (f) =>
    `${f.imported} open invoice(s) were imported since the last confirmed run, already due before it`,
};

/** What a first run would send, by level, and what it held back until confirmed. */
function firstRunText(f: FirstRun): string[] {
  const out = [`First run: ${WHY[f.reason](f)}. By level${f.confirmed ? ' (confirmed)' : ', if confirmed'}:`];
  for (const l of f.byLevel)
    out.push(
      `  ${l.level}: ${l.letters} letter(s), ${l.amounts.map((a) => `${grouped(a.amount)} ${a.currency}`).join(' + ')}`,
    );
  if (f.held.length > 0)
    out.push(
      `Held until confirmed: ${f.held.length} letter(s) beyond the first overdue level (${listed(f.held.map((h) => `${h.buyerId} ${h.level}`))}).`,
      'Check the imported balances, then run again with --confirm to send them (or set "firstRun": "send" in the policy).',
    );
  else if (!f.confirmed)
    out.push(
      'Nothing beyond the first overdue level was due: nothing was held. Later runs hold such letters until one run is confirmed with --confirm.',
    );
  return out;
}

/** A decimal string with thousands separators: "1234567.50" → "1,234,567.50". */
const grouped = (decimal: string): string => {
  const [whole = '', fraction] = decimal.split('.');
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? digits : `${digits}.${fraction}`;
};
