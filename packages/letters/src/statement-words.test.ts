import { describe, expect, it } from 'vitest';
import { statementLanguage } from './statement-words';

describe('statementLanguage', () => {
  it("is the buyer's own among en, zh-CN, zh-TW; plain zh by country; else en", () => {
    expect(statementLanguage({ language: 'zh-TW', country: 'CN' })).toBe('zh-TW');
    expect(statementLanguage({ language: 'zh', country: 'CN' })).toBe('zh-CN');
    expect(statementLanguage({ language: 'zh', country: 'TW' })).toBe('zh-TW');
    expect(statementLanguage({ language: 'de', country: 'DE' })).toBe('en');
    expect(statementLanguage({ country: 'DE' })).toBe('en');
  });
});
