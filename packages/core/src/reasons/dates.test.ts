import { describe, expect, it } from 'vitest';
import { renderReason } from './render';

// Dates in sentences for people (issue 13): ISO by default (the CLI, files), as the language writes them on asking.
describe('dates in reasons', () => {
  const hold = { key: 'check.credit_hold', params: { since: '2026-06-30', by: 'anna', reason: 'bounced' } } as const;
  const review = { key: 'review.cadence', params: { days: 180, lastReview: '2026-03-09' } } as const;

  it('are ISO unless asked', () => {
    expect(renderReason(hold, 'en')).toBe('On credit hold since 2026-06-30 (anna: bounced)');
  });

  it('are written for the language when asked', () => {
    const locale = { dates: 'locale' } as const;
    expect(renderReason(hold, 'en', locale)).toBe('On credit hold since Jun 30, 2026 (anna: bounced)');
    expect(renderReason(hold, 'zh-CN', locale)).toBe('自 2026年6月30日 起暂停供货（anna：bounced）');
    expect(renderReason(hold, 'zh-TW', locale)).toBe('自 2026年6月30日 起暫停出貨（anna：bounced）');
    expect(renderReason(review, 'en', locale)).toMatch(/the last credit decision was on Mar 9, 2026$/);
    expect(renderReason(review, 'zh-CN', locale)).toMatch(/上次信用决定为 2026年3月9日$/);
  });
});
