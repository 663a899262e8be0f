import { describe, expect, it } from 'vitest';
import { DocumentFinder, documentKey } from './documents';

const finder = new DocumentFinder(
  ['INV-2024-0012', 'INV-2024-0013', 'RE-100234', '4711', '17', 'INV-2024-00120'].map((number) => ({ number })),
);
const found = (text: string) => finder.find([text]).map((i) => i.number);

describe('document numbers in remittance text', () => {
  it('keys ignore separators, case and leading zeros', () => {
    expect(documentKey('INV-2024-0012')).toBe('INV 2024 12');
    expect(documentKey('inv 2024/12')).toBe('INV 2024 12');
  });

  it.each([
    ['Rechnung INV-2024-0012', ['INV-2024-0012']],
    ['inv 2024 12', ['INV-2024-0012']],
    ['INV2024/012 und INV 2024 13', ['INV-2024-0012', 'INV-2024-0013']],
    ['INV20240012', ['INV-2024-0012']],
    ['payment for 100234', ['RE-100234']],
    ['RE 100234', ['RE-100234']],
    ['Kd 4711', ['4711']],
    ['INV-2024-120', ['INV-2024-00120']],
  ])('%j → %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('a number glued to other letters or digits is another number', () => {
    expect(found('XINV-2024-0012')).toEqual([]);
    expect(found('INV-2024-0012A')).toEqual([]);
    expect(found('47110')).toEqual([]);
    expect(found('ABC4711')).toEqual([]);
  });

  it('numbers too short to stand alone are not looked for', () => {
    expect(found('invoice 17')).toEqual([]);
  });
});
