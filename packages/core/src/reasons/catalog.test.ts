import { describe, expect, it } from 'vitest';
import { MATCH_REASON_CODES } from '../cash-matching/types';
import { WORK_REASON_CODES } from '../collections/worklist';
import { CHECK_REASON_CODES } from '../credit-check/decide';
import { PAYER_SIGNAL_CODES } from '../credit-policy/payer-pattern';
import { GRADE_REASON_CODES } from '../grading/grade';
import { DEADLINE_KINDS } from '../insurance/deadlines';
import { LIMIT_METHODS } from '../limits/recommend';
import type { CurrencyCode } from '../money/currency';
import { money } from '../money/money';
import { REVIEW_REASONS } from '../review/review-due';
import { POLISH_ATTRIBUTES } from '../scoring/polish-attributes';
import { REASON_LOCALES } from './catalog';
import { type ParamValue, placeholdersOf, REASON_CATALOGS, renderReason } from './render';
import { MODEL_REASON_CODES, NEXT_STEP_CODES, type ParamKind, REASON_PARAMS, type ReasonKey } from './spec';

/** Every key, enumerated from the codes each area emits (not from the catalogs). */
const FROM_SOURCES: readonly string[] = [
  ...GRADE_REASON_CODES.map((c) => `grade.${c}`),
  ...MODEL_REASON_CODES.map((c) => `model.${c}`),
  ...LIMIT_METHODS.map((c) => `limit.${c}`),
  'limit.working_capital_negative',
  ...CHECK_REASON_CODES.map((c) => `check.${c}`),
  ...REVIEW_REASONS.map((c) => `review.${c}`),
  ...WORK_REASON_CODES.map((c) => `work.${c}`),
  'work.no_fx_rate',
  ...MATCH_REASON_CODES.map((c) => `cash.${c}`),
  ...NEXT_STEP_CODES.map((c) => `next.${c}`),
];

const SAMPLE: Readonly<Record<ParamKind, ParamValue>> = {
  days: 23,
  percent: 0.034,
  money: money(1_234_567n, 'EUR' as CurrencyCode),
  number: 0.0412,
  integer: 4,
  year: 2025,
  date: '2026-03-31',
  text: 'anything',
  level: 'high',
  dunningLevel: 'friendly',
  channel: 'email',
  attribute: 'Attr40',
  insuranceDeadline: 'notify_overdue',
  payerSignals: 'no_explanation,promises_broken',
};

describe('reason catalogs', () => {
  it('declare the placeholders of every reason code each area emits, and no other key', () => {
    expect(Object.keys(REASON_PARAMS).sort()).toEqual([...FROM_SOURCES].sort());
  });

  for (const locale of REASON_LOCALES) {
    const c = REASON_CATALOGS[locale];
    it(`${locale}: a sentence for every code, with exactly the declared placeholders`, () => {
      expect(Object.keys(c.messages).sort()).toEqual([...FROM_SOURCES].sort());
      for (const key of FROM_SOURCES) {
        const template = c.messages[key as ReasonKey];
        expect(template, `${locale} ${key}`).toBeTruthy();
        const used = new Set(placeholdersOf(template));
        expect([...used].sort(), `${locale} ${key}: placeholders missing or unused`).toEqual(
          Object.keys(REASON_PARAMS[key as ReasonKey]).sort(),
        );
      }
    });
    it(`${locale}: a human name for every input of the Polish model, and words for risk levels`, () => {
      expect(Object.keys(c.attributes).sort()).toEqual(Object.keys(POLISH_ATTRIBUTES).sort());
      for (const name of Object.values(c.attributes)) expect(name.trim()).not.toBe('');
      expect(Object.keys(c.levels).sort()).toEqual(['high', 'low', 'medium']);
    });
    it(`${locale}: every sentence renders from sample figures, leaving no placeholder behind`, () => {
      for (const key of FROM_SOURCES) {
        const spec = REASON_PARAMS[key as ReasonKey];
        const params = Object.fromEntries(Object.entries(spec).map(([n, kind]) => [n, SAMPLE[kind]]));
        const text = renderReason({ key: key as ReasonKey, params }, locale);
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]|undefined|NaN/);
      }
    });
  }

  it('names every credit insurance deadline in words in every locale, not by its code', () => {
    for (const locale of REASON_LOCALES) {
      const c = REASON_CATALOGS[locale];
      expect(Object.keys(c.insuranceDeadlines).sort(), locale).toEqual([...DEADLINE_KINDS].sort());
      for (const kind of DEADLINE_KINDS) {
        const text = renderReason(
          {
            key: 'work.insurance_deadline',
            params: { deadline: kind, date: '2026-06-09', policy: 'P-1', documents: 'I-1' },
          },
          locale,
        );
        expect(text, `${locale} ${kind}`).toContain(c.insuranceDeadlines[kind]);
        expect(text, `${locale} ${kind}`).not.toContain(kind);
      }
    }
    expect(
      renderReason(
        {
          key: 'work.insurance_deadline',
          params: { deadline: 'notify_overdue', date: '2026-06-09', policy: 'P-1', documents: 'I-1' },
        },
        'en',
      ),
    ).toBe('Credit insurance deadline (overdue notification) under policy P-1: last day 2026-06-09; documents I-1');
  });

  it('names every payer signal in words in every locale: the why of the next step', () => {
    for (const locale of REASON_LOCALES)
      expect(Object.keys(REASON_CATALOGS[locale].payerSignals).sort(), locale).toEqual([...PAYER_SIGNAL_CODES].sort());
    expect(
      renderReason(
        {
          key: 'next.escalate',
          params: { why: 'no_explanation,external_grade_sound', level: 'hold', channel: 'credit_hold', days: 30 },
        },
        'en',
      ),
    ).toBe(
      'Will not pay, it seems (no explanation offered, a sound external grade): escalate now to hold (credit hold), the ladder’s step from 30 days overdue',
    );
  });

  it('finds placeholders missing from a template (the check the tests above rely on)', () => {
    expect(placeholdersOf('Paid {days} late, up from {months12}')).toEqual(['days', 'months12']);
    expect(() => renderReason({ key: 'grade.days_beyond_terms', params: {} }, 'en')).toThrow(/days/);
  });
});
