import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileInside, MAX_FILE_NAME, safeFileName, safePath } from './safe-file-name';

const PORTABLE = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

function expectSafe(name: string): void {
  expect(name).toMatch(PORTABLE);
  expect(name).not.toContain('..');
  expect(name.endsWith('.')).toBe(false);
  expect(name).not.toMatch(RESERVED);
  expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_FILE_NAME);
}

// Strings that look like what attackers and ERPs put in ids: dots, separators, controls, unicode, long runs.
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({
    unit: fc.constantFrom('.', '/', '\\', 'a', 'B', '0', '-', '_', ' ', '\u0000', 'é', '北', ':'),
    maxLength: 200,
  }),
  fc.constantFrom('', '.', '..', '../../x', 'CON', 'nul.txt', 'com1', '-rf', '.hidden', 'a.', 'x'.repeat(500)),
);

describe('safeFileName', () => {
  it('keeps a name that is already safe', () => {
    expect(safeFileName('L-20261123-B001-friendly', 'pdf')).toBe('L-20261123-B001-friendly.pdf');
    expect(safeFileName('B001-2026-11-23-agency')).toBe('B001-2026-11-23-agency');
  });

  it('changes unsafe names and marks them with a hash of the original', () => {
    const name = safeFileName('L-20261123-../../x-agency', 'pdf');
    expect(name).toMatch(/^L-20261123-______x-agency-[0-9a-f]{12}\.pdf$/);
    expect(safeFileName('..')).toMatch(/^__-[0-9a-f]{12}$/);
    expect(safeFileName('')).toMatch(/^_-[0-9a-f]{12}$/);
    expect(safeFileName('CON', 'pdf')).toMatch(/^_CON-[0-9a-f]{12}\.pdf$/);
    expect(safeFileName('.env')).toMatch(/^_env-[0-9a-f]{12}$/);
    expect(safeFileName('-rf')).toMatch(/^_rf-/);
    expect(safeFileName('Müller')).toMatch(/^M_ller-[0-9a-f]{12}$/);
    expect(safeFileName('x'.repeat(500), 'pdf')).toHaveLength(MAX_FILE_NAME);
  });

  it('refuses an extension that is not a plain word (a bug in the caller)', () => {
    expect(() => safeFileName('a', '../pdf')).toThrow();
  });

  it('is always portable, bounded and stays inside the directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'credence-safe-'));
    fc.assert(
      fc.property(nasty, fc.constantFrom(undefined, 'pdf', 'eml', 'json'), (s, ext) => {
        const name = safeFileName(s, ext);
        expectSafe(name);
        expect(dirname(safePath(dir, s, ext))).toBe(dir);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives distinct inputs distinct names', () => {
    fc.assert(
      fc.property(nasty, nasty, (a, b) => {
        fc.pre(a !== b);
        expect(safeFileName(a, 'pdf')).not.toBe(safeFileName(b, 'pdf'));
      }),
      { numRuns: 2000 },
    );
    // the classic pairs that a plain replacement would merge
    const pairs = [
      ['a/b', 'a_b'],
      ['a/b', 'a\\b'],
      ['..', '__'],
      ['x'.repeat(200), `${'x'.repeat(199)}y`],
    ];
    for (const [a, b] of pairs) expect(safeFileName(a as string)).not.toBe(safeFileName(b as string));
  });
});

describe('fileInside', () => {
  it('accepts a plain name and refuses anything that leaves the directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'credence-inside-'));
    expect(fileInside(dir, 'a.pdf')).toBe(join(dir, 'a.pdf'));
    for (const bad of ['../a.pdf', '/etc/passwd', 'sub/a.pdf', '.', '', '..'])
      expect(() => fileInside(dir, bad)).toThrow(/outside/);
  });
});
