import { exponentOf } from '../money/currency';
import { type Money, toDecimalString } from '../money/money';
import { REASON_LOCALES, type ReasonCatalog, type ReasonLocale } from './catalog';
import { EN } from './en';
import { type ParamKind, REASON_PARAMS, type ReasonKey } from './spec';
import { ZH_CN } from './zh-cn';
import { ZH_TW } from './zh-tw';

export const REASON_CATALOGS: Readonly<Record<ReasonLocale, ReasonCatalog>> = {
  en: EN,
  'zh-CN': ZH_CN,
  'zh-TW': ZH_TW,
};

export type ParamValue = number | string | Money;

/** A reason as core emits it for people: a catalog key and the figures its sentence needs. */
export interface ReasonMessage {
  readonly key: ReasonKey;
  readonly params: Readonly<Record<string, ParamValue>>;
}

/** The placeholders of a template, in order: `{days}` → `days`. */
export const placeholdersOf = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');

/** A language tag as a reason locale: zh-Hant, zh-TW, zh-HK → zh-TW; other zh → zh-CN; anything else en. */
export function reasonLocaleOf(tag: string | undefined): ReasonLocale {
  const t = (tag ?? '').trim().toLowerCase().replace('_', '-');
  if (!t.startsWith('zh')) return 'en';
  return /hant|tw|hk|mo/.test(t) ? 'zh-TW' : 'zh-CN';
}

/** Exactly `en`, `zh-CN` or `zh-TW` (any case); undefined otherwise. */
export const parseReasonLocale = (s: string): ReasonLocale | undefined =>
  REASON_LOCALES.find((l) => l.toLowerCase() === s.trim().toLowerCase());

const numberFormats = new Map<string, Intl.NumberFormat>();
function nf(locale: ReasonLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, f);
  }
  return f;
}

const isMoney = (v: ParamValue): v is Money => typeof v === 'object' && v !== null && 'amount' in v;

function num(v: ParamValue, what: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  if (!Number.isFinite(n)) throw new Error(`reason parameter ${what}: not a number (${String(v)})`);
  return n;
}

/**
 * How a sentence writes its dates: `iso` (2026-06-30, the default: terminals, files, logs) or `locale`, as people
 * read them in the sentence's language (en "Jun 30, 2026", zh "2026年6月30日": the web workspace's dates).
 */
export interface RenderOptions {
  readonly dates?: 'iso' | 'locale';
}

const dateFormats = new Map<ReasonLocale, Intl.DateTimeFormat>();
/** A business date YYYY-MM-DD as the locale writes it (a calendar date: never shifted by a time zone). */
export function formatReasonDate(iso: string, locale: ReasonLocale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) return iso;
  let f = dateFormats.get(locale);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(locale, f);
  }
  return f.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** One figure in a sentence, written for the locale: money with its currency, days, percentages, dates. */
export function formatParam(
  kind: ParamKind,
  v: ParamValue,
  locale: ReasonLocale,
  name: string = kind,
  options: RenderOptions = {},
): string {
  const c = REASON_CATALOGS[locale];
  switch (kind) {
    case 'date':
      return options.dates === 'locale' ? formatReasonDate(String(v), locale) : String(v);
    case 'money': {
      if (!isMoney(v)) throw new Error(`reason parameter ${name}: not money`);
      const exp = exponentOf(v.currency);
      const f = nf(locale, { minimumFractionDigits: exp, maximumFractionDigits: exp });
      return `${v.currency} ${f.format(toDecimalString(v) as `${number}`)}`;
    }
    case 'days': {
      const n = num(v, name);
      return c.days(nf(locale, { maximumFractionDigits: 1 }).format(n), n);
    }
    case 'percent':
      return nf(locale, { style: 'percent', maximumSignificantDigits: 3 }).format(num(v, name));
    case 'number':
      return nf(locale, { maximumSignificantDigits: 3 }).format(num(v, name));
    case 'integer':
      return nf(locale, { maximumFractionDigits: 0 }).format(num(v, name));
    case 'level':
      return c.levels[String(v) as keyof ReasonCatalog['levels']] ?? String(v);
    case 'dunningLevel':
      return c.dunningLevels[String(v)] ?? String(v);
    case 'channel':
      return c.channels[String(v)] ?? String(v);
    case 'attribute':
      return c.attributes[String(v)] ?? String(v);
    case 'insuranceDeadline':
      return c.insuranceDeadlines[String(v)] ?? String(v);
    case 'payerSignals':
      return String(v)
        .split(',')
        .filter((s) => s !== '')
        .map((s) => c.payerSignals[s as keyof ReasonCatalog['payerSignals']] ?? s)
        .join(locale === 'en' ? ', ' : '、');
    default:
      return String(v);
  }
}

/** A reason as a sentence in the locale, its figures formatted for it. A missing figure is a bug (throws). */
export function renderReason(m: ReasonMessage, locale: ReasonLocale, options: RenderOptions = {}): string {
  const spec = REASON_PARAMS[m.key];
  let template: string = REASON_CATALOGS[locale].messages[m.key];
  // A level named after its channel (the agency, by the agency) says it once: not "collection agency (collection agency)".
  if (
    spec.level !== undefined &&
    spec.channel !== undefined &&
    m.params.level !== undefined &&
    m.params.channel !== undefined
  ) {
    const same = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();
    const level = formatParam(spec.level, m.params.level, locale, 'level');
    if (same(level, formatParam(spec.channel, m.params.channel, locale, 'channel')))
      template = template.replace(/ ?[(（]\{channel\}[)）]/, '');
  }
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const kind = spec[name];
    const v = m.params[name];
    if (kind === undefined || v === undefined) throw new Error(`reason ${m.key}: no parameter ${name}`);
    return formatParam(kind, v, locale, name, options);
  });
}
