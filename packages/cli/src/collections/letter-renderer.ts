import type { Letter, LetterLanguage } from '@credence/app';
import type { OutgoingEmail } from '@credence/runtime';
import { safeFileName } from '../files/safe-file-name';
import { loadTemplates, renderHtml, renderPdf, renderText, type Templates } from '../letters';

/** Renders letters in their language, loading each language's templates once. */
export function letterRenderer(templatesDir?: string) {
  const cache = new Map<LetterLanguage, Promise<Templates>>();
  const templates = (language: LetterLanguage) => {
    let t = cache.get(language);
    if (t === undefined) {
      t = loadTemplates(language, ...(templatesDir !== undefined ? [templatesDir] : []));
      cache.set(language, t);
    }
    return t;
  };
  return {
    pdf: async (letter: Letter): Promise<Buffer> => renderPdf(letter, await templates(letter.language)),
    html: async (letter: Letter): Promise<string> => renderHtml(letter, await templates(letter.language)),
    /** The letter as an e-mail: text and HTML bodies, the PDF attached, a message id of the outbox entry's own. */
    email: async (letter: Letter, entryId: string, to: string, from?: string): Promise<OutgoingEmail> => {
      const t = await templates(letter.language);
      const { subject, text } = renderText(letter, t);
      const c = letter.creditor;
      return {
        messageId: `<${entryId}@credence.local>`,
        from: from ?? `${c.name} <${c.contact.email}>`,
        to,
        replyTo: c.contact.email,
        subject,
        text,
        html: renderHtml(letter, t),
        attachments: [
          {
            filename: safeFileName(letter.id, 'pdf'),
            content: await renderPdf(letter, t),
            contentType: 'application/pdf',
          },
        ],
      };
    },
  };
}

export type LetterRenderer = ReturnType<typeof letterRenderer>;
