import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeliveryResult, Letter, OutboxEntry } from '@credence/app';
import { writeOnce } from '../delivery/write-once';
import { safePath } from '../files/safe-file-name';

const TEXTS: Readonly<
  Record<
    Letter['language'],
    (x: { company: string; docs: string; total: string; deadline: string; ref: string }) => string
  >
> = {
  en: (x) => `${x.company}: ${x.docs} overdue, ${x.total} to pay by ${x.deadline}. Ref ${x.ref}`,
  'zh-CN': (x) => `${x.company}：发票 ${x.docs} 已逾期，请于 ${x.deadline} 前支付 ${x.total}。参考号 ${x.ref}`,
  'zh-TW': (x) => `${x.company}：發票 ${x.docs} 已逾期，請於 ${x.deadline} 前支付 ${x.total}。參考號 ${x.ref}`,
  de: (x) => `${x.company}: ${x.docs} überfällig, ${x.total} zahlbar bis ${x.deadline}. Ref ${x.ref}`,
  fr: (x) => `${x.company} : ${x.docs} en retard, ${x.total} à payer avant le ${x.deadline}. Réf ${x.ref}`,
};

/** The text of a reminder by SMS, in the letter's language: the documents, what to pay, by when, the reference. */
export function smsText(letter: Letter): string {
  const docs = letter.lines.filter((l) => l.courtesy !== true).map((l) => l.number);
  const shown = docs.length > 3 ? `${docs.slice(0, 3).join(', ')} …` : docs.join(', ');
  const total = letter.totals.map((t) => `${t.total} ${t.currency}`).join(' + ');
  return TEXTS[letter.language]({
    company: letter.creditor.name,
    docs: shown,
    total,
    deadline: letter.deadline,
    ref: letter.id,
  });
}

/**
 * Delivers an SMS outbox entry: through the SMS gateway when one is configured (`gateway`, from
 * `CREDENCE_SMS_URL`: a JSON POST of `{to, text, reference}`, any 2xx is sent), else written to
 * `<outbox>/sms/<letter>.txt` for someone to send. A buyer without a phone number fails (a task to fix it).
 */
export async function smsPost(
  entry: OutboxEntry,
  letter: Letter,
  x: { readonly outbox: string; readonly phone?: string; readonly gateway?: string },
): Promise<DeliveryResult> {
  const to = x.phone ?? entry.recipient;
  if (to === undefined)
    return { status: 'failed', channel: 'sms', detail: `no phone number for buyer ${letter.debtor.id}` };
  const text = smsText(letter);
  if (x.gateway !== undefined && x.gateway !== '') {
    try {
      const res = await fetch(x.gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to, text, reference: entry.id }),
      });
      return res.ok
        ? { status: 'sent', channel: 'sms', detail: `${to} via ${new URL(x.gateway).host}` }
        : { status: 'failed', channel: 'sms', detail: `gateway answered ${res.status}` };
    } catch (e) {
      return { status: 'failed', channel: 'sms', detail: `gateway unreachable: ${(e as Error).message}` };
    }
  }
  const dir = join(x.outbox, 'sms');
  await mkdir(dir, { recursive: true });
  const path = safePath(dir, letter.id, 'txt');
  await writeOnce(path, Buffer.from(`To: ${to}\n\n${text}\n`, 'utf8'));
  return { status: 'written', channel: 'sms', detail: path };
}
