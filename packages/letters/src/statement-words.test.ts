import type { BusinessDate } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { statementLanguage, statementMail } from './statement-words';

describe('statementLanguage', () => {
  it("is the buyer's own among en, zh-CN, zh-TW; plain zh by country; else en", () => {
    expect(statementLanguage({ language: 'zh-TW', country: 'CN' })).toBe('zh-TW');
    expect(statementLanguage({ language: 'zh', country: 'CN' })).toBe('zh-CN');
    expect(statementLanguage({ language: 'zh', country: 'TW' })).toBe('zh-TW');
    expect(statementLanguage({ language: 'de', country: 'DE' })).toBe('en');
    expect(statementLanguage({ country: 'DE' })).toBe('en');
  });
});

describe('statementMail', () => {
  const may = '2026-05-31' as BusinessDate;
  it("words the statement's e-mail in the buyer's language, the closing date written for it", () => {
    expect(statementMail('en', may, 'Nordlicht & Co')).toEqual({
      subject: 'Statement of account as of 31 May 2026 – Nordlicht & Co',
      text: 'Please find attached your statement of account as of 31 May 2026. Please confirm the closing balance, or tell us which lines you dispute, within 14 days.',
      html: '<p>Please find attached your statement of account as of 31 May 2026. Please confirm the closing balance, or tell us which lines you dispute, within 14 days.</p>',
    });
    expect(statementMail('zh-CN', may, '北光').subject).toBe('对账单（截至 2026年5月31日） – 北光');
    expect(statementMail('zh-CN', may, '北光').text).toBe(
      '附件为截至 2026年5月31日 的对账单。请于 14 天内确认期末余额或告知有异议的明细。',
    );
    expect(statementMail('zh-TW', may, '北光').text).toContain('對帳單');
  });
});
