// The alert rules' names in English (the CLI's words; the web workspace has its own in each language). No Zod here:
// the timeline, which reads the CLI starts without Zod, names the rule behind a hold.

/** Each rule's name (docs/domain/monitoring.md); a rule not listed is shown by its id. */
export const ALERT_RULE_NAMES: Readonly<Record<string, string>> = {
  grade_worsened: 'grade worsened',
  high_risk_tier: 'high-risk tier',
  pd_above: 'probability of default too high',
  dbt_drift: 'paying later than before',
  late_share_up: 'more payments late',
  partial_payments: 'partial payments',
  over_limit: 'over the credit limit',
  utilisation: 'limit nearly used',
  temporary_limit_expiring: 'temporary limit ending',
  limit_expired: 'temporary limit ended',
  overdue_days: 'invoice long overdue',
  overdue_amount: 'large overdue amount',
  promise_broken: 'promise to pay broken',
  plan_broken: 'payment plan broken',
  dispute_opened: 'dispute opened',
  disputes_repeated: 'repeated disputes',
  external_grade_worsened: 'external grade worsened',
  insurer_limit_reduced: 'insurer limit reduced',
  country_risk_worsened: 'country risk worsened',
  concentration: 'concentration',
  group_concentration: 'group concentration',
  review_overdue: 'credit review overdue',
};

export const alertRuleName = (rule: string): string => ALERT_RULE_NAMES[rule] ?? rule;
