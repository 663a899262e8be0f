import type { Letter } from '@credence/app';
import { letterRenderer as renderer } from '@credence/letters';
import { letterEmail } from '@credence/runtime';

/**
 * The letters' renderer (@credence/letters: PDF, HTML, text in the letter's language) and the e-mail a courier
 * carries (runtime's `letterEmail`), for `--out` and the demo.
 */
export function letterRenderer(templatesDir?: string) {
  const render = renderer(templatesDir);
  return {
    ...render,
    email: (letter: Letter, entryId: string, to: string, from?: string) =>
      letterEmail(render, letter, entryId, to, from),
  };
}

export type LetterRenderer = ReturnType<typeof letterRenderer>;
