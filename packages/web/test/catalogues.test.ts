import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en';
import { translate } from '../src/i18n/translate';
import { zhCN } from '../src/i18n/zh-CN';
import { zhTW } from '../src/i18n/zh-TW';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Every language has every key (checked by type too) with the same placeholders as English, and no English left.
describe('the message catalogues', () => {
  for (const [lang, cat] of [
    ['zh-CN', zhCN],
    ['zh-TW', zhTW],
  ] as const) {
    it(`${lang}: the keys and placeholders of en`, () => {
      expect(Object.keys(cat).sort()).toEqual(Object.keys(en).sort());
      for (const [k, v] of Object.entries(en))
        expect(placeholders(cat[k as keyof typeof en]), k).toEqual(placeholders(v));
    });
  }

  it('zh-TW is written in Traditional characters where they differ from Simplified', () => {
    const simplifiedOnly = /[账应买额风险设户务们这报币级数书录]/;
    for (const [k, v] of Object.entries(zhTW)) expect(simplifiedOnly.test(v), `${k}: ${v}`).toBe(false);
  });
});

// A date passed to a message as the API sends it (YYYY-MM-DD) is written as the language writes dates.
describe('translate', () => {
  it('writes a business date param in the language, and leaves other params alone', () => {
    expect(translate('en', 'buyer.gradedAsOf', { date: '2026-06-30' })).toBe('graded as of Jun 30, 2026');
    expect(translate('zh-CN', 'buyer.gradedAsOf', { date: '2026-06-30' })).toContain('2026年6月30日');
    expect(translate('zh-TW', 'buyer.gradedAsOf', { date: '2026-06-30' })).toContain('2026年6月30日');
    expect(translate('en', 'worklist.snoozedUntil', { date: '2026-07-01', key: '2026-07-01x' })).toBe(
      'Snoozed until Jul 1, 2026: 2026-07-01x',
    );
  });
});
