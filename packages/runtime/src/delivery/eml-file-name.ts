import { safeFileName } from '../files/safe-file-name';

/**
 * The outbox file name of a message: its id without the angle brackets, made safe by `safeFileName`, e.g.
 * "<L-20261123-B001-friendly-email@credence.local>" → "L-20261123-B001-friendly-email_credence.local-<hash>.eml"
 * (the "@" is not a portable file-name character, so the name carries a hash of the id and stays unique).
 */
export function emlFileName(messageId: string): string {
  return safeFileName(messageId.replace(/^<(.*)>$/, '$1'), 'eml');
}
