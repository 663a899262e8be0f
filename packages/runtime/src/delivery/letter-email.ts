import type { CaseFile, Letter } from '@credence/app';
import { safeFileName } from '../files/safe-file-name';
import type { OutgoingEmail } from './types';

/**
 * What delivery needs rendered (@credence/letters' `letterRenderer` is one, given by the composition root:
 * runtime does not import letters): a letter's bodies and PDF, a case file's PDF.
 */
export interface LetterRendering {
  text(letter: Letter): Promise<{ subject: string; text: string }>;
  html(letter: Letter): Promise<string>;
  pdf(letter: Letter): Promise<Buffer>;
  caseFilePdf(file: CaseFile): Promise<Buffer>;
}

/** The letter as an e-mail: text and HTML bodies, the PDF attached, a message id of the outbox entry's own. */
export async function letterEmail(
  render: Pick<LetterRendering, 'text' | 'html' | 'pdf'>,
  letter: Letter,
  entryId: string,
  to: string,
  from?: string,
): Promise<OutgoingEmail> {
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
}
