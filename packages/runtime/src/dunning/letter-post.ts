import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Company,
  caseFile,
  type DeliveryResult,
  type OutboxEntry,
  type RecordedLetter,
  type Store,
} from '@credence/app';
import type { RateTables } from '@credence/core';
import { renderCaseFilePdf } from '@credence/letters';
import type { Courier } from '../delivery/types';
import { writeOnce } from '../delivery/write-once';
import { safePath } from '../files/safe-file-name';
import type { LetterMail } from './letter-mail';
import { smsPost } from './sms-post';

/**
 * Carries out one outbox entry: an e-mail through the courier (SMTP, or .eml files in the outbox directory),
 * a printed letter as a PDF in `<outbox>/print`, a case file (JSON + PDF) in `<outbox>/cases`.
 */
export function letterPost(x: {
  store: Store;
  courier: Courier;
  render: LetterMail;
  outbox: string;
  company: Company;
  rates: RateTables;
  /** The SMS gateway's URL (default `CREDENCE_SMS_URL`); without one an SMS is written to `<outbox>/sms`. */
  smsGateway?: string;
}) {
  return async (entry: OutboxEntry, { letter }: RecordedLetter): Promise<DeliveryResult> => {
    if (entry.kind === 'email') {
      // The buyer's address as it is now: a retry after the address was corrected reaches it.
      const to = (await x.store.getBuyer(letter.debtor.id))?.email ?? entry.recipient;
      if (to === undefined)
        return { status: 'failed', channel: 'email', detail: `no e-mail address for buyer ${letter.debtor.id}` };
      const outcome = await x.courier.deliver(await x.render.email(letter, entry.id, to, x.company.mailFrom));
      return { status: outcome.status, channel: outcome.channel, detail: outcome.detail };
    }
    if (entry.kind === 'sms') {
      const phone = (await x.store.getBuyer(letter.debtor.id))?.phone;
      const gateway = x.smsGateway ?? process.env.CREDENCE_SMS_URL;
      return smsPost(entry, letter, {
        outbox: x.outbox,
        ...(phone !== undefined ? { phone } : {}),
        ...(gateway !== undefined ? { gateway } : {}),
      });
    }
    if (entry.kind === 'print') {
      const dir = join(x.outbox, 'print');
      await mkdir(dir, { recursive: true });
      const path = safePath(dir, letter.id, 'pdf');
      await writeOnce(path, await x.render.pdf(letter));
      return { status: 'written', channel: 'print', detail: path };
    }
    const file = await caseFile(x.store, {
      buyerId: letter.debtor.id,
      asOf: letter.date,
      level: letter.levelId,
      company: x.company,
      rates: x.rates,
    });
    if (!file.ok) return { status: 'failed', channel: 'case_file', detail: JSON.stringify(file.error) };
    // A case the credit insurance policy hands to the insurer's collector: in its own folder (`cases/insurer-<policy>`).
    const insurer = entry.recipient?.startsWith('insurer:') ? entry.recipient.slice('insurer:'.length) : undefined;
    const dir =
      insurer === undefined
        ? join(x.outbox, 'cases')
        : join(x.outbox, 'cases', `insurer-${insurer.replace(/[^\w.-]/g, '_')}`);
    await mkdir(dir, { recursive: true });
    const base = `${letter.debtor.id}-${letter.date}-${letter.levelId}`;
    const json = safePath(dir, base, 'json');
    const pdf = safePath(dir, base, 'pdf');
    await writeFile(json, `${JSON.stringify(file.value, null, 2)}\n`);
    await writeOnce(pdf, await renderCaseFilePdf(file.value));
    return { status: 'written', channel: 'case_file', detail: `${json}, ${pdf}` };
  };
}
