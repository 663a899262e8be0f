import type { SendMailOptions } from 'nodemailer';
import type { OutgoingEmail } from './types';

/** The nodemailer message for a letter; the Message-ID is the letter's own, never a generated one. */
export function mailOptions(email: OutgoingEmail): SendMailOptions {
  return {
    messageId: email.messageId,
    from: email.from,
    to: email.to,
    replyTo: email.replyTo,
    subject: email.subject,
    text: email.text,
    html: email.html,
    attachments: email.attachments.map(({ filename, content, contentType }) => ({ filename, content, contentType })),
  };
}
