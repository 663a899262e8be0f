import { mkdir } from 'node:fs/promises';
import { fileInside } from '../files/safe-file-name';
import { emlFileName } from './eml-file-name';
import { mailOptions } from './mail-options';
import { nodemailer } from './nodemailer';
import type { Courier, DeliveryOutcome } from './types';
import { writeOnce } from './write-once';

/**
 * Writes each letter as an RFC 822 .eml file into `dir` (created when missing), named after its Message-ID. A
 * letter whose file is already there is not written again: a resend after a crash keeps the first file as is.
 */
export function outboxCourier(dir: string): Courier {
  const composer = nodemailer().createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    kind: 'outbox',
    async deliver(email) {
      try {
        const info = await composer.sendMail(mailOptions(email));
        // nodemailer drops what is not an address and would write a letter without a To header
        if (info.envelope.to.length === 0) return failed(`No recipient address in ${JSON.stringify(email.to)}`, true);
        const path = fileInside(dir, emlFileName(email.messageId));
        await mkdir(dir, { recursive: true });
        await writeOnce(path, info.message as Buffer); // a Buffer, not a stream: `buffer: true`
        return { status: 'written', channel: 'outbox', detail: path };
      } catch (err) {
        return failed(err instanceof Error ? err.message : String(err), false);
      }
    },
    async close() {
      composer.close();
    },
  };
}

function failed(detail: string, permanent: boolean): DeliveryOutcome {
  return { status: 'failed', channel: 'outbox', detail, permanent };
}
