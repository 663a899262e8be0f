import { describe, expect, it } from 'vitest';
import { renderReason } from './render';

// A worklist letter's reason names its channel after the level, except where the level is named after it (the
// agency level goes by the agency): "Collection agency for …", not "Collection agency (collection agency) for …".
const letter = (level: string, channel: string) => ({
  key: 'work.letter' as const,
  params: { level, channel, documents: 'INV-1', letter: 'L-1' },
});

describe('a letter reason names its channel once', () => {
  it('drops the channel that repeats the level, in every locale', () => {
    expect(renderReason(letter('agency', 'agency'), 'en')).toBe('Collection agency for INV-1; letter L-1');
    expect(renderReason(letter('agency', 'agency'), 'zh-CN')).toBe('催收机构：INV-1；函件 L-1');
    expect(renderReason(letter('agency', 'agency'), 'zh-TW')).toBe('催收機構：INV-1；函件 L-1');
  });

  it('keeps a channel that says something the level does not', () => {
    expect(renderReason(letter('final', 'letter'), 'zh-CN')).toContain('（');
    expect(renderReason(letter('final', 'email'), 'en')).toMatch(/^\S.* \(.+\) for INV-1; letter L-1$/);
  });
});
