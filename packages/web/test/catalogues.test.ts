import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en';
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
