import { describe, expect, it } from 'vitest';
import type { DunningLevel } from '../dunning/policy';
import { payerNextStep } from './next-step';
import type { PayerPattern } from './payer-pattern';

const level = (id: string, offsetDays: number, channel: DunningLevel['channel'], tone: DunningLevel['tone']) =>
  ({ id, offsetDays, channel, tone, fee: '0', deadlineDays: 10 }) as DunningLevel;
const ladder = [
  level('reminder', 1, 'email', 'reminder'),
  level('call', 10, 'call', 'reminder'),
  level('formal', 15, 'letter', 'warning'),
  level('hold', 30, 'credit_hold', 'final'),
  level('legal', 60, 'legal', 'final'),
];
const pattern = (cls: PayerPattern['class'], codes: PayerPattern['reasons'][number]['code'][]): PayerPattern => ({
  class: cls,
  nextStep: 'none',
  reasons: codes.map((code) => ({ code, points: 'cannot_pay', params: {} })),
});

describe('payerNextStep', () => {
  it.each([
    // will not pay: the ladder's next escalating step after the days overdue (formal letter, credit hold, legal)
    ['will_not_pay', 5, 'escalate', { level: 'formal', channel: 'letter', days: 15 }],
    ['will_not_pay', 20, 'escalate', { level: 'hold', channel: 'credit_hold', days: 30 }],
    ['will_not_pay', 30, 'escalate', { level: 'legal', channel: 'legal', days: 60 }],
    // past the last rung: the last escalating step, due already
    ['will_not_pay', 75, 'escalate', { level: 'legal', channel: 'legal', days: 60 }],
    ['cannot_pay', 20, 'payment_plan', {}],
    ['unclear', 20, 'call', {}],
  ] as const)('%s at %i days: %s', (cls, days, code, extra) => {
    const s = payerNextStep(pattern(cls, ['no_explanation', 'promises_broken']), days, ladder);
    expect(s).toEqual({ code, params: { why: 'no_explanation,promises_broken', ...extra } });
  });
  it('none when nothing is overdue; a call when the ladder has no escalating step', () => {
    expect(payerNextStep(pattern('not_overdue', []), 0, ladder)).toBeUndefined();
    expect(payerNextStep(pattern('will_not_pay', ['no_explanation']), 20, [ladder[0] as DunningLevel])).toEqual({
      code: 'call',
      params: { why: 'no_explanation' },
    });
  });
});
