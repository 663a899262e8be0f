import type { Letter } from '@credence/app';
import { letterRenderer as renderer } from '@credence/letters';
import type { OutgoingEmail } from '../delivery/types';
import { safeFileName } from '../files/safe-file-name';

/**
 * The letters' renderer (@credence/letters: PDF, HTML, text in the letter's language) and the e-mail a courier
 * carries: those bodies with the PDF attached, in an envelope of the outbox entry's own.
 */
export function letterMail(templatesDir?: string) {
  const render = renderer(templatesDir);
  return {
    ...render,
    /** The letter as an e-mail: text and HTML bodies, the PDF attached, a message id of the outbox entry's own. */
    email: async (letter: Letter, entryId: string, to: string, from?: string): Promise<OutgoingEmail> => {
      const [{ subject, text }, html, pdf] = await Promise.all([
        render.text(letter),
        render.html(letter),
        render.pdf(letter),
      ]);
      const c = letter.creditor;
      return {
        messageId: `<${entryId}@credence.local>`,
        from: from ?? `${c.name} <${c.contact.email}>`,
        to,
        replyTo: c.contact.email,
        subject,
        text,
        html,
        attachments: [{ filename: safeFileName(letter.id, 'pdf'), content: pdf, contentType: 'application/pdf' }],
      };
    },
  };
}

export type LetterMail = ReturnType<typeof letterMail>;
