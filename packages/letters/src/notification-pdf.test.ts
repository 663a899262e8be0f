import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { InsuranceClaimView } from '@credence/app/insurance';
import { date as d } from '@credence/core';
import { afterAll, describe, expect, it } from 'vitest';
import { testDir } from '../test/test-dir';
import { renderNotificationPdf } from './notification-pdf';

// Needs pdftotext (poppler-utils): a string found proves it is drawn.
const dir = testDir('notification');
afterAll(() => dir.cleanup());

const debt = (invoiceId: string, due: string, open: bigint, insured: bigint) => ({
  invoiceId,
  dueDate: d(due),
  openAtNotification: open,
  preLossPaid: 0n,
  remaining: open,
  loss: open,
  insuredLoss: insured,
});
const CLAIM: InsuranceClaimView = {
  policyNumber: 'P-2026-001',
  buyerId: 'B00004',
  currency: 'EUR',
  settlement: {
    notifiedOn: d('2026-06-01'),
    dateOfLoss: d('2026-10-29'),
    debts: [debt('INV-1', '2026-02-14', 12_000_00n, 10_000_00n), debt('INV-2', '2026-03-01', 3_456_78n, 0n)],
    loss: 15_456_78n,
    insuredLoss: 10_000_00n,
    indemnity: 9_000_00n,
    steps: [],
  },
  indemnityDue: d('2026-11-28'),
  recoveries: [],
  owedToInsurer: 0n,
  documents: [],
};
const FORM = {
  claim: CLAIM,
  insurer: 'Example Credit Insurance',
  insured: 'Nordwerk GmbH',
  buyer: { id: 'B00004', name: 'Braun KG', country: 'DE' },
};

const text = (pdf: Buffer, name: string): string => {
  writeFileSync(dir.path(`${name}.pdf`), pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', dir.path(`${name}.pdf`), '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    '',
  );
};

describe('renderNotificationPdf', () => {
  it("writes the insurer's form: the policy, the parties, each debt with its original due date, the totals", async () => {
    const t = text(await renderNotificationPdf(FORM, 'en'), 'en');
    for (const s of [
      'Notificationofoverdueaccount',
      'ExampleCreditInsurance',
      'P-2026-001',
      'BraunKG(B00004,DE)',
      '1June2026',
      '29October2026',
      'INV-1',
      '14February2026',
      '12,000.00EUR',
      '10,000.00EUR',
      '15,456.78EUR',
    ])
      expect(t).toContain(s);
  });

  it("speaks the policy's language", async () => {
    const t = text(await renderNotificationPdf(FORM, 'zh-CN'), 'zh');
    expect(t).toContain('逾期账款通知书');
    expect(t).toContain('原到期日');
    expect(text(await renderNotificationPdf(FORM, 'zh-TW'), 'tw')).toContain('逾期帳款通知書');
  });

  it('is the same bytes for the same form (dated by the notification)', async () => {
    expect((await renderNotificationPdf(FORM, 'en')).equals(await renderNotificationPdf(FORM, 'en'))).toBe(true);
  });
});
