import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, encodingNamed, StrictDecoder } from './encoding';

const HEADER = 'buyer_id,name,country,currency,payment_terms_days\n';
const bytes = (text: string, encoding: string): Buffer => iconv.encode(text, encoding);

describe('chooseEncoding', () => {
  it('takes a BOM first, then an explicit name, then UTF-8 when the bytes are valid UTF-8', () => {
    const utf8 = Buffer.from(`${HEADER}B1,Müller GmbH,DE,EUR,30\n`);
    expect(chooseEncoding(utf8, true, undefined)).toEqual({ encoding: 'utf-8', source: 'utf-8' });
    expect(chooseEncoding(Buffer.from(HEADER), true, undefined)?.encoding).toBe('utf-8');
    expect(chooseEncoding(utf8, true, 'gb18030')).toEqual({ encoding: 'gb18030', source: 'explicit' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    expect(chooseEncoding(bom, true, 'gb18030')).toEqual({ encoding: 'utf-8', source: 'bom' });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), bytes(HEADER, 'utf-16le')]);
    expect(chooseEncoding(le, true, undefined)).toEqual({ encoding: 'utf-16le', source: 'bom' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), bytes(HEADER, 'utf-16be')]);
    expect(chooseEncoding(be, true, undefined)).toEqual({ encoding: 'utf-16be', source: 'bom' });
  });

  it('a sample cut inside a UTF-8 character is still UTF-8 (the rest of the file follows)', () => {
    const text = Buffer.from(`${HEADER}B1,上海,CN,CNY,60\n`);
    const cut = text.subarray(0, text.indexOf(Buffer.from('海')) + 1);
    expect(chooseEncoding(cut, false, undefined)?.encoding).toBe('utf-8');
  });

  it('detects Windows-1252, GB18030 and Big5 exports', () => {
    const latin = bytes(`${HEADER}B1,Müller GmbH,DE,EUR,30\nB2,Société Générale,FR,EUR,45\n`, 'windows-1252');
    expect(chooseEncoding(latin, true, undefined)).toEqual({ encoding: 'windows-1252', source: 'detected' });
    const gb = bytes(`${HEADER}B1,上海宏达贸易有限公司,CN,CNY,60\n`, 'gb18030');
    expect(chooseEncoding(gb, true, undefined)).toEqual({ encoding: 'gb18030', source: 'detected' });
    const big5 = bytes(
      `${HEADER}B1,台灣積體電路製造股份有限公司,TW,TWD,60\nB2,鴻海精密工業股份有限公司,TW,TWD,30\n`,
      'big5',
    );
    expect(chooseEncoding(big5, true, undefined)).toEqual({ encoding: 'big5', source: 'detected' });
  });

  it.each([
    ['gb18030', '深圳市腾讯计算机系统有限公司'],
    ['gb18030', '阿里巴巴（中国）网络技术有限公司'],
    ['gb18030', '北京'],
    ['big5', '國泰人壽保險股份有限公司'],
    ['shift_jis', 'トヨタ自動車株式会社'],
    ['shift_jis', '株式会社日立製作所'],
    ['windows-1252', 'Ørsted A/S'],
    ['windows-1252', 'ÆØÅ Ærø'],
    ['windows-1252', 'Façade «Bâtiment» €'],
  ])('detects %s for a one-buyer file with %s', (encoding, name) => {
    const file = bytes(`${HEADER}B1,${name},XX,EUR,30\n`, encoding);
    expect(chooseEncoding(file, true, undefined)).toEqual({ encoding, source: 'detected' });
  });

  it('gives up on bytes that no encoding it reads can decode', () => {
    expect(
      chooseEncoding(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x81, 0x2c, 0x32, 0x0a]), true, undefined),
    ).toBeUndefined();
  });

  it('knows the usual names of the encodings it reads, and no others', () => {
    expect(encodingNamed('Latin-1')).toBe('windows-1252');
    expect(encodingNamed('GBK')).toBe('gb18030');
    expect(encodingNamed(' UTF8 ')).toBe('utf-8');
    expect(encodingNamed('Big5')).toBe('big5');
    expect(encodingNamed('ebcdic')).toBeUndefined();
  });
});

describe('StrictDecoder', () => {
  it('decodes across pieces, a character split between them included', () => {
    const d = new StrictDecoder('gb18030');
    const all = bytes('上海宏达', 'gb18030');
    const a = d.write(all.subarray(0, 3));
    const b = d.write(all.subarray(3));
    expect(a.text + b.text + d.end().text).toBe('上海宏达');
    expect([a.bad, b.bad]).toEqual([-1, -1]);
  });

  it('points at the first invalid byte sequence, never passing it as U+FFFD', () => {
    const d = new StrictDecoder('utf-8');
    const r = d.write(Buffer.from([0x61, 0x62, 0xe9, 0x63]));
    expect(r).toEqual({ text: 'ab\uFFFDc', bad: 2 });
    expect(new StrictDecoder('big5').write(Buffer.from([0x61, 0xa4])).bad).toBe(-1);
    const truncated = new StrictDecoder('big5');
    truncated.write(Buffer.from([0x61, 0xa4]));
    expect(truncated.end().bad).toBe(0);
    expect(new StrictDecoder('windows-1252').write(Buffer.from([0x41, 0x81])).bad).toBe(1);
  });

  it('accepts a U+FFFD the file holds literally, in UTF-8 and GB18030, also split across pieces', () => {
    const d = new StrictDecoder('utf-8');
    expect(d.write(Buffer.from([0x61, 0xef, 0xbf])).bad).toBe(-1);
    expect(d.write(Buffer.from([0xbd, 0x62]))).toEqual({ text: '\uFFFDb', bad: -1 });
    const one = new StrictDecoder('utf-8');
    const byByte = [0xef, 0xbf, 0xbd].map((x) => one.write(Buffer.from([x])));
    expect(byByte.map((p) => p.bad)).toEqual([-1, -1, -1]);
    expect(byByte.map((p) => p.text).join('')).toBe('\uFFFD');
    const g = new StrictDecoder('gb18030');
    expect(g.write(bytes('上\uFFFD海', 'gb18030'))).toEqual({ text: '上\uFFFD海', bad: -1 });
  });

  it('UTF-8: refuses exactly what a fatal TextDecoder refuses, however the bytes are split', () => {
    const fatal = (b: Uint8Array): boolean => {
      try {
        new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
        return true;
      } catch {
        return false;
      }
    };
    // Bytes around the edges of UTF-8: continuation bytes, leads, overlongs, surrogates, beyond U+10FFFF.
    const byte = fc.constantFrom(
      0x41,
      0x80,
      0xbf,
      0xbd,
      0xc0,
      0xc2,
      0xe0,
      0xed,
      0xa0,
      0xef,
      0xbb,
      0xf0,
      0xf4,
      0x90,
      0xf5,
      0xff,
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), fc.array(fc.nat(12), { maxLength: 4 }), (bytes, at) => {
        const b = Buffer.from(bytes);
        const d = new StrictDecoder('utf-8');
        const cuts = [0, ...at.map((c) => Math.min(c, b.length)).sort((x, y) => x - y), b.length];
        const parts = [...cuts.slice(1).map((c, i) => d.write(b.subarray(cuts[i], c))), d.end()];
        const decoded = parts.every((p) => p.bad < 0);
        expect(decoded).toBe(fatal(b));
        if (decoded) expect(parts.map((p) => p.text).join('')).toBe(new TextDecoder('utf-8').decode(b));
      }),
      { numRuns: 3000 },
    );
  });
});
