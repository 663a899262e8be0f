import { type CurrencyCode, daysBetween, type TaskCandidate } from '@credence/core';
import { buyerDeadlines } from '@credence/core/insurance-rules';
import { withExpectedIndemnity } from '../insurance/insurance-deadlines';
import { insuranceFacts } from '../insurance/insurance-facts';
import { policiesInForce } from '../insurance/policies-in-force';
import type { Store } from '../ports';
import { listed } from './listed';
import type { Converted, WorklistDay } from './worklist';

/**
 * The credit insurance's deadlines as collectors' tasks (docs/domain/credit-insurance.md): each deadline of every
 * policy (`insurance deadlines`) becomes a task `deadlineNoticeDays` (the policy's, default 7) before it falls and
 * stays on the list until it is met or marked done — a passed deadline keeps its task. One task per policy, buyer,
 * kind and date (a deadline that moves is a new task). The amount is the deadline's, in the reporting currency;
 * `daysOverdue` is how far past the deadline the day is (0 before it falls).
 */
export async function insuranceDeadlineTasks(
  store: Store,
  x: Pick<WorklistDay, 'asOf'>,
  inReporting: (amount: bigint, currency: CurrencyCode) => Converted,
): Promise<TaskCandidate[]> {
  const tasks: TaskCandidate[] = [];
  for (const policy of await policiesInForce(store)) {
    const { facts } = await insuranceFacts(store, policy, x.asOf);
    for (const f of facts)
      for (const d of buyerDeadlines(withExpectedIndemnity(f, policy), policy, x.asOf)) {
        if (d.daysLeft > policy.deadlineNoticeDays) continue;
        const subject = `${policy.policyNumber}/${d.buyerId}/${d.kind}/${d.date}`;
        const c = inReporting(d.amount, policy.currency);
        tasks.push({
          key: `insurance_deadline:${subject}`,
          subject,
          documents: d.documents,
          buyerId: d.buyerId,
          action: 'insurance_deadline',
          reason: {
            code: 'insurance_deadline',
            params: {
              deadline: d.kind,
              date: d.date,
              policy: policy.policyNumber,
              documents: d.documents.length > 0 ? listed(d.documents) : '-',
            },
          },
          amount: c.amount,
          currency: c.currency,
          exponent: c.exponent,
          daysOverdue: Math.max(0, daysBetween(d.date, x.asOf)),
          ...(c.noFxRate ? { noFxRate: true } : {}),
        });
      }
  }
  return tasks;
}
