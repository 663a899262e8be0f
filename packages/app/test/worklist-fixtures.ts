import { parseDunningPolicy, parseRateTables } from '@credence/core';
import { parseCompany } from '../src/collections/company';

/** A one-level ladder (a formal letter from day 15), a company and empty rate tables: a worklist's day. */
export function worklistSetup() {
  const policy = parseDunningPolicy({
    id: 'p',
    minimumOverdue: '0',
    levels: [{ id: 'formal', offsetDays: 15, channel: 'letter', tone: 'warning', fee: '0', deadlineDays: 10 }],
  });
  const company = parseCompany({
    name: 'Nordlicht GmbH',
    address: ['Hafenstraße 12'],
    bankAccount: { bankName: 'Bank', accountName: 'Nordlicht GmbH', iban: 'DE02200505501015871393' },
    contact: { name: 'Anna', email: 'credit@nordlicht.example' },
  });
  const rates = parseRateTables({ ecb: {}, boe: {}, 'de-base': {} });
  if (!policy.ok || !company.ok || !rates.ok) throw new Error('worklist setup');
  return { policy: policy.value, company: company.value, rates: rates.value };
}
