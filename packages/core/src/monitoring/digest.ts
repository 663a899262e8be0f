import type { BusinessDate } from '../calendar';
import { renderTable } from '../text';
import { DIGEST_WORDS, type DigestLanguage } from './digest-words';
import type { Alert } from './lifecycle';
import type { AlertPolicy, AlertRuleSet, NotifyRole } from './rules';

/** What a digest needs of a buyer: its name and the people it names. */
export interface DigestBuyer {
  readonly id: string;
  readonly name: string;
  readonly salesOwner?: string;
  readonly collector?: string;
}

/** One person's digest of a day: the alerts on the buyers they are told about, worse first. */
export interface PlannedDigest {
  readonly recipient: string;
  readonly email: string;
  readonly language: DigestLanguage;
  readonly alerts: readonly Alert[];
}

const RANK = { critical: 0, warning: 1, info: 2 } as const;

/**
 * Who is told what (pure): each open alert whose rule has the `notify` action goes to the people its rule names
 * (`notify`: the buyer's sales owner, its collector, the policy's credit manager), one digest per person. A person
 * named but without an address in the policy's `recipients` is `unreachable` (reported, not an error).
 */
export function planDigests(
  alerts: readonly Alert[],
  buyers: ReadonlyMap<string, DigestBuyer>,
  rulesOf: (buyerId: string) => AlertRuleSet,
  recipients: AlertPolicy['recipients'],
  languageOf: (name: string) => DigestLanguage,
): { readonly digests: PlannedDigest[]; readonly unreachable: string[] } {
  const people = new Map(recipients.people.map((p) => [p.name, p]));
  const to = new Map<string, Alert[]>();
  const unreachable = new Set<string>();
  for (const a of alerts) {
    if (a.state !== 'open') continue;
    const rule = rulesOf(a.buyerId)[a.rule];
    if (!rule.actions.includes('notify')) continue;
    const b = buyers.get(a.buyerId);
    const who = (role: NotifyRole): string | undefined =>
      role === 'credit_manager' ? recipients.creditManager : role === 'sales_owner' ? b?.salesOwner : b?.collector;
    const names = new Set(rule.notify.map(who).filter((n): n is string => n !== undefined && n !== ''));
    for (const n of names) {
      if (!people.has(n)) unreachable.add(n);
      else to.set(n, [...(to.get(n) ?? []), a]);
    }
  }
  const digests = [...to]
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([name, list]) => ({
      recipient: name,
      email: people.get(name)?.email ?? '',
      language: people.get(name)?.language ?? languageOf(name),
      alerts: [...list].sort((a, b) => RANK[a.severity] - RANK[b.severity] || (a.key < b.key ? -1 : 1)),
    }));
  return { digests, unreachable: [...unreachable].sort() };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A digest in its language: subject, plain text and HTML (a table per alert: severity, buyer, rule, figures). */
export function digestMessage(
  d: PlannedDigest,
  asOf: BusinessDate,
  buyers: ReadonlyMap<string, DigestBuyer>,
): { readonly subject: string; readonly text: string; readonly html: string } {
  const w = DIGEST_WORDS[d.language];
  const rows = d.alerts.map((a) => [
    `${a.firstSeen === asOf ? '* ' : ''}${w.severity[a.severity]}`,
    `${buyers.get(a.buyerId)?.name ?? a.buyerId} (${a.buyerId})`,
    w.rule[a.rule],
    Object.entries(a.figures)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
  ]);
  const table = renderTable(
    w.columns.map((header) => ({ header })),
    rows,
  );
  const text = `${w.greeting(d.recipient)}\n\n${w.intro(asOf)}\n\n${table}\n`;
  const html =
    `<!doctype html><html lang="${d.language}"><meta charset="utf-8"><body>` +
    `<p>${escapeHtml(w.greeting(d.recipient))}</p><p>${escapeHtml(w.intro(asOf))}</p><table border="1" cellpadding="4">` +
    `<tr>${w.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>` +
    rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('') +
    '</table></body></html>';
  return { subject: w.subject(asOf, d.alerts.length), text, html };
}
