import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from './progress';

describe('progressBar', () => {
  it('writes nothing when the stream is not a terminal', () => {
    const out = new PassThrough();
    let written = '';
    out.on('data', (c) => {
      written += String(c);
    });
    const bar = progressBar('invoices', out as unknown as NodeJS.WriteStream);
    bar.update({ done: 10, total: 100, rows: 5 });
    bar.stop();
    expect(written).toBe('');
  });

  it('draws on a terminal', () => {
    let written = '';
    const tty = {
      isTTY: true,
      columns: 80,
      write: (s: string) => {
        written += s;
        return true;
      },
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
      clearScreenDown: () => true,
      on: () => tty,
      removeListener: () => tty,
    };
    const bar = progressBar('invoices', tty as unknown as NodeJS.WriteStream);
    bar.update({ done: 50, total: 100, rows: 5000 });
    bar.stop();
    expect(written).toContain('invoices');
    expect(written).toContain('50%');
  });
});
