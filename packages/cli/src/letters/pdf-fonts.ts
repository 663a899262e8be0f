import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

export interface PdfFonts {
  readonly regular: Buffer;
  readonly bold: Buffer;
}

let cache: Promise<PdfFonts> | undefined;

/**
 * Noto Sans SC, regular and bold: Latin, simplified and traditional Chinese in one family. The files (about
 * 10 MB each) are read once per process; pdfkit embeds only the glyphs a letter uses.
 */
export function pdfFonts(): Promise<PdfFonts> {
  cache ??= Promise.all([readFile(require.resolve(FILES.regular)), readFile(require.resolve(FILES.bold))]).then(
    ([regular, bold]) => ({ regular, bold }),
    (e: unknown) => {
      cache = undefined;
      throw e;
    },
  );
  return cache;
}
