import { createHash } from 'node:crypto';

/**
 * The outbox file name of a message: its id without the angle brackets when that is all safe characters, e.g.
 * "L-2026-11-23-B001-friendly@credence.local.eml". Otherwise the unsafe characters become "_" and a hash of the
 * full id keeps two ids that differ only there apart.
 */
export function emlFileName(messageId: string): string {
  const id = messageId.replace(/^<(.*)>$/, '$1');
  const safe = id
    .replace(/[^A-Za-z0-9._@+-]/g, '_')
    .replace(/^\./, '_')
    .slice(0, 120);
  if (safe === id && safe !== '') return `${safe}.eml`;
  return `${safe}-${createHash('sha256').update(messageId).digest('hex').slice(0, 16)}.eml`;
}
