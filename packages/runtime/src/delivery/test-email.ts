import type { OutgoingEmail } from './types';

/** Bytes that stand for a PDF: the header, every byte value once (a binary-safe round trip), the trailer. */
export const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  Buffer.from('\n%%EOF\n'),
]);

/** A dunning letter with text, html and a PDF; `changes` replace any field. */
export function letter(changes: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    messageId: '<L-2026-11-23-B001-friendly@credence.local>',
    from: 'Acme Trading GmbH <credit@acme.example>',
    to: 'Buyer Accounts <ap@buyer.example>',
    replyTo: 'credit@acme.example',
    subject: '付款提醒 – Zahlungserinnerung Rechnung I-1001',
    text: 'Sehr geehrte Damen und Herren,\nRechnung I-1001 über 1.250,00 € ist seit 14 Tagen fällig.\n',
    html: '<p>Sehr geehrte Damen und Herren,</p><p>Rechnung I-1001 über <b>1.250,00 €</b> ist fällig.</p>',
    attachments: [{ filename: 'Mahnung-I-1001.pdf', content: PDF, contentType: 'application/pdf' }],
    ...changes,
  };
}
