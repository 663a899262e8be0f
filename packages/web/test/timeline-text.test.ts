import { describe, expect, it } from 'vitest';
import { actorText, entryText } from '../src/components/timeline-text';
import type { MessageKey } from '../src/i18n/en';
import { type Lang, type Params, translate } from '../src/i18n/translate';

// Timeline entries in each language: a hold the system set says which alert rule (or dunning level) set it, in
// words, never the raw alert key; a letter names its channel only when it is not already the level's name.
const text = (lang: Lang, e: { kind: string; params: Record<string, string | number> }) =>
  entryText((k: MessageKey, p?: Params) => translate(lang, k, p), lang, { date: '2026-06-30', summary: 'x', ...e });

const alertHold = {
  kind: 'credit_hold',
  params: {
    reason: 'alert overdue_days:B00016:INV-B00016-0076',
    cause: 'alert',
    rule: 'overdue_days',
    subject: 'INV-B00016-0076',
  },
};
const letter = (level: string, channel: string) => ({
  kind: 'letter',
  params: {
    level,
    channel,
    documents: 'INV-1',
    total: '10.00 EUR',
    amount: '10.00',
    currency: 'EUR',
    deadline: '2026-07-10',
  },
});

describe('timeline entries in words', () => {
  it('names the alert rule behind a hold in each language, never the raw key', () => {
    expect(text('en', alertHold)).toBe('Set by the alert “Invoice long overdue” (INV-B00016-0076)');
    expect(text('zh-CN', alertHold)).toBe('由预警“发票逾期过久”触发（INV-B00016-0076）');
    expect(text('zh-TW', alertHold)).toBe('由預警「發票逾期過久」觸發（INV-B00016-0076）');
    for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) expect(text(lang, alertHold)).not.toContain('overdue_days');
    const lifted = { kind: 'credit_release', params: { ...alertHold.params, subject: '' } };
    expect(text('en', lifted)).toBe('Lifted: the alert “Invoice long overdue” was resolved');
  });

  it('says a dunning level’s hold by the level’s name, and a person’s hold by their reason', () => {
    expect(
      text('en', { kind: 'credit_hold', params: { reason: 'dunning level final', cause: 'dunning', level: 'final' } }),
    ).toBe('Set by the dunning level “Final demand”');
    expect(text('zh-CN', { kind: 'credit_hold', params: { reason: 'goods returned' } })).toBe('goods returned');
  });

  it('names a letter’s channel only when it differs from the level’s name', () => {
    expect(text('en', letter('agency', 'agency'))).toBe('Collection agency for INV-1: €10.00, pay by Jul 10, 2026');
    expect(text('zh-TW', letter('agency', 'agency'))).not.toContain('催收機構（催收機構）');
    expect(text('en', letter('formal', 'email'))).toBe(
      'Formal reminder (email) for INV-1: €10.00, pay by Jul 10, 2026',
    );
  });

  it('says who recorded an entry: the automatic runs in words, a person by name', () => {
    const t = (k: MessageKey, p?: Params) => translate('zh-CN', k, p);
    expect(actorText(t, 'monitoring')).toBe('预警（自动）');
    expect(actorText(t, 'dunning run')).toBe('催收流程');
    expect(actorText(t, 'j.martin')).toBe('j.martin');
  });
});
