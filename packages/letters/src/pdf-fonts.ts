import { readFile } from 'node:fs/promises';
import { lettersRequire } from './package-dir';

/** The letter fonts per script: Noto Sans TC for Traditional Chinese (Taiwan, Hong Kong), Noto Sans SC otherwise. */
const FILES = {
  sc: {
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
  tc: {
    regular: '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf',
  },
} as const;

export interface PdfFonts {
  readonly regular: Buffer;
  readonly bold: Buffer;
}

const cache = new Map<keyof typeof FILES, Promise<PdfFonts>>();

/** Traditional Chinese letters (zh-TW, zh-HK, zh-Hant) take Noto Sans TC; every other language Noto Sans SC. */
export const fontFamilyOf = (language: string): keyof typeof FILES =>
  /^zh-(tw|hk|mo|hant)/i.test(language) ? 'tc' : 'sc';

/**
 * Noto Sans regular and bold for a letter's language: Latin and Chinese in one family, SC with the mainland's
 * glyph forms and punctuation placement, TC with Taiwan's (a full-width comma or full stop centred, not in the
 * corner). The files (7–10 MB each) are read once per process; pdfkit embeds only the glyphs a letter uses.
 */
export function pdfFonts(language = 'en'): Promise<PdfFonts> {
  const family = fontFamilyOf(language);
  const files = FILES[family];
  let fonts = cache.get(family);
  if (fonts === undefined) {
    const require = lettersRequire(); // the font packages are the letters package's dependencies
    fonts = Promise.all([readFile(require.resolve(files.regular)), readFile(require.resolve(files.bold))]).then(
      ([regular, bold]) => ({ regular, bold }),
      (e: unknown) => {
        cache.delete(family);
        throw e;
      },
    );
    cache.set(family, fonts);
  }
  return fonts;
}
