// A timeline entry in the chosen language: its kind's sentence from the catalogue, filled with the entry's
// parameters (codes in words, amounts and dates formatted); the API's English summary only for a kind the
// catalogue does not know (a newer server) or an entry without parameters (an older one).
import type { Schemas } from '../api/client';
import { en, type MessageKey } from '../i18n/en';
import { formatDate, formatMoney } from '../i18n/format';
import type { Lang, Params } from '../i18n/translate';

type T = (key: MessageKey, params?: Params) => string;
type Entry = Schemas['TimelineEntry'];

const known = (key: string): key is MessageKey => key in en;
const DATES = ['until', 'promisedDate', 'deadline', 'first', 'last', 'missed'];
/** Parameters that are codes, and the catalogue prefix of their words (per kind where it differs). */
const CODES: Readonly<Record<string, string>> = {
  outcome: 'dispute.outcome',
  channel: 'channel',
  status: 'delivery.status',
  target: 'reversal.target',
};

export function entryText(t: T, lang: Lang, e: Entry): string {
  const key = `timeline.text.${e.kind}`;
  const raw = (e as Entry & { params?: Readonly<Record<string, string | number>> }).params;
  if (raw === undefined || !known(key)) return e.summary;
  const p: Record<string, string | number> = { ...raw };
  if (typeof raw.amount === 'string' && typeof raw.currency === 'string')
    p.amount = formatMoney(lang, { amount: raw.amount, currency: raw.currency });
  if (e.kind === 'letter' && p.amount !== undefined) p.total = p.amount; // one currency: formatted
  if (typeof raw.documents === 'string') p.documents = shortList(t, raw.documents);
  for (const d of DATES) if (typeof raw[d] === 'string' && raw[d] !== '') p[d] = formatDate(lang, raw[d] as string);
  for (const [name, prefix] of Object.entries(CODES)) p[name] = words(t, prefix, raw[name]);
  if (e.kind === 'dispute_opened') p.reason = words(t, 'dispute.reason', raw.reason);
  if (e.kind === 'letter') p.level = words(t, 'dunning.level', raw.level);
  if (e.kind === 'credit_hold' || e.kind === 'credit_release') return holdText(t, e.kind === 'credit_hold', raw);
  // The agency level goes by the agency: its channel is said once, not "Collection agency (collection agency)".
  const same = e.kind === 'letter' && String(p.level).toLocaleLowerCase() === String(p.channel).toLocaleLowerCase();
  const template = en[key];
  let text = t(same ? 'timeline.text.letterSameChannel' : key, p);
  if (!template.includes('{documents}') && raw.documents) text += t('timeline.text.about', p);
  if (!template.includes('{notes}') && raw.notes) text += t('timeline.text.notes', p);
  if (e.kind === 'dispute_resolved' && raw.creditNote) text += t('timeline.text.creditNote', p);
  return text;
}

/** A hold in words: the alert rule or dunning level that set (or lifted) it, else the reason a person gave. */
function holdText(t: T, hold: boolean, raw: Readonly<Record<string, string | number>>): string {
  if (raw.cause === 'alert') {
    const rule = words(t, 'alert.rule', raw.rule);
    const about = raw.subject ? t('timeline.text.alertSubject', { subject: raw.subject }) : '';
    return t(hold ? 'timeline.text.holdAlert' : 'timeline.text.releaseAlert', { rule }) + about;
  }
  if (raw.cause === 'dunning') {
    const level = words(t, 'dunning.level', raw.level);
    return t(hold ? 'timeline.text.holdDunning' : 'timeline.text.releaseDunning', { level });
  }
  return t(hold ? 'timeline.text.credit_hold' : 'timeline.text.credit_release', { reason: raw.reason ?? '' });
}

/** Who recorded an entry: a person's name as given; the runs that record on their own (alerts, dunning) in words. */
export function actorText(t: T, by: string | undefined): string {
  if (by === 'monitoring') return t('timeline.by.monitoring');
  if (by === 'dunning run') return t('timeline.by.dunningRun');
  return by ?? '';
}

/** A code in words, or the code itself when the catalogue does not know it. */
function words(t: T, prefix: string, code: string | number | undefined): string {
  if (code === undefined) return '';
  const key = `${prefix}.${code}`;
  return known(key) ? t(key) : String(code);
}

/** A list of documents ("A, B, C, D, E"), at most three named: "A, B and 3 more". */
function shortList(t: T, documents: string): string {
  const all = documents.split(', ');
  return all.length <= 3
    ? documents
    : t('timeline.text.more', { documents: all.slice(0, 2).join(', '), n: all.length - 2 });
}
