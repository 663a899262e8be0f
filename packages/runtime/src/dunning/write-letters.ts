import { mkdir, writeFile } from 'node:fs/promises';
import type { RecordedLetter } from '@credence/app';
import { outboxCourier } from '../delivery/outbox-courier';
import { safePath } from '../files/safe-file-name';
import type { LetterMail } from './letter-mail';

/** `--out DIR`: each letter as PDF, HTML and the e-mail (.eml) it would be sent as, for looking at or printing. */
export async function writeLetters(dir: string, letters: readonly RecordedLetter[], render: LetterMail, from?: string) {
  await mkdir(dir, { recursive: true });
  const eml = outboxCourier(dir);
  for (const { letter } of letters) {
    // letter ids carry the buyer id: data, so the names go through safePath
    await writeFile(safePath(dir, letter.id, 'pdf'), await render.pdf(letter));
    await writeFile(safePath(dir, letter.id, 'html'), await render.html(letter));
    const to = letter.debtor.email ?? `${letter.debtor.id}@no-address.invalid`;
    await eml.deliver(await render.email(letter, letter.id, to, from));
  }
  await eml.close();
}
