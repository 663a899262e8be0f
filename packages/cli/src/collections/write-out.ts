import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecordedLetter } from '@credence/app';
import { outboxCourier } from '../delivery';
import type { LetterRenderer } from './letter-renderer';

/** `--out DIR`: each letter as PDF, HTML and the e-mail (.eml) it would be sent as, for looking at or printing. */
export async function writeLetters(
  dir: string,
  letters: readonly RecordedLetter[],
  render: LetterRenderer,
  from?: string,
) {
  await mkdir(dir, { recursive: true });
  const eml = outboxCourier(dir);
  for (const { letter } of letters) {
    await writeFile(join(dir, `${letter.id}.pdf`), await render.pdf(letter));
    await writeFile(join(dir, `${letter.id}.html`), await render.html(letter));
    const to = letter.debtor.email ?? `${letter.debtor.id}@no-address.invalid`;
    await eml.deliver(await render.email(letter, letter.id, to, from));
  }
  await eml.close();
}
