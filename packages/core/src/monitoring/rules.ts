import { z } from 'zod';
import { fail, ok, type Result } from '../result';

/** How loud an alert is. */
export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/** What a rule does when its alert opens: tell people, hold deliveries, open a review task, emit a webhook. */
export const ALERT_ACTIONS = ['notify', 'hold', 'review_task', 'webhook'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

/** Whom `notify` tells about a buyer's alert: its sales owner, its collector, the credit manager. */
export const NOTIFY_ROLES = ['sales_owner', 'collector', 'credit_manager'] as const;
export type NotifyRole = (typeof NOTIFY_ROLES)[number];

const DECIMAL = /^\d+(\.\d+)?$/;
const base = {
  enabled: z.boolean(),
  severity: z.enum(SEVERITIES),
  actions: z.array(z.enum(ALERT_ACTIONS)),
  notify: z.array(z.enum(NOTIFY_ROLES)),
};
const whole = (min: number) => z.number().int().min(min);
const decimal = z.string().regex(DECIMAL, 'a decimal string, e.g. "10000.00"');
const percent = z.number().min(0).max(100);

/** Every rule with its own parameters (docs/domain/monitoring.md). */
const RULE_SHAPES = {
  grade_worsened: z.strictObject({ ...base, notches: whole(1) }),
  high_risk_tier: z.strictObject({ ...base }),
  pd_above: z.strictObject({ ...base, pd: z.number().gt(0).lt(1) }),
  dbt_drift: z.strictObject({ ...base, days: whole(1), minSettlements: whole(1) }),
  late_share_up: z.strictObject({ ...base, points: percent, minSettlements: whole(1) }),
  partial_payments: z.strictObject({ ...base }),
  over_limit: z.strictObject({ ...base }),
  utilisation: z.strictObject({ ...base, percent }),
  temporary_limit_expiring: z.strictObject({ ...base, days: whole(0) }),
  limit_expired: z.strictObject({ ...base }),
  overdue_days: z.strictObject({ ...base, days: whole(1) }),
  overdue_amount: z.strictObject({ ...base, amount: decimal }),
  promise_broken: z.strictObject({ ...base, withinDays: whole(1) }),
  plan_broken: z.strictObject({ ...base, withinDays: whole(1) }),
  dispute_opened: z.strictObject({ ...base, amount: decimal, withinDays: whole(1) }),
  disputes_repeated: z.strictObject({ ...base, count: whole(2), withinDays: whole(1) }),
  external_grade_worsened: z.strictObject({ ...base, notches: whole(1) }),
  insurer_limit_reduced: z.strictObject({ ...base }),
  country_risk_worsened: z.strictObject({ ...base }),
  concentration: z.strictObject({ ...base, percent }),
  group_concentration: z.strictObject({ ...base, percent }),
  review_overdue: z.strictObject({ ...base }),
  security_expiring: z.strictObject({ ...base, days: whole(0) }),
} as const;

export type RuleId = keyof typeof RULE_SHAPES;
export const RULE_IDS = Object.keys(RULE_SHAPES) as RuleId[];
export type RuleConfig<R extends RuleId> = z.infer<(typeof RULE_SHAPES)[R]>;
export type AlertRuleSet = { readonly [R in RuleId]: RuleConfig<R> };

/** Rules whose inputs Credence does not record: they are defined (and validated) but never fire. None now. */
export const RULES_WITHOUT_DATA: readonly RuleId[] = [];

const CM: NotifyRole[] = ['credit_manager'];
const CM_SALES: NotifyRole[] = ['credit_manager', 'sales_owner'];
const COLLECT: NotifyRole[] = ['collector', 'sales_owner'];
const ALL: NotifyRole[] = ['credit_manager', 'sales_owner', 'collector'];

/**
 * The rules when a policy says nothing: the seeds' thresholds (overdue > 60 days, utilisation ≥ 85 %), with the
 * severity by how actionable the alert is: **critical** when someone must act today and the loss can still be
 * stopped (orders over the limit, a broken plan, insurance cover cut, a grade drop that holds supply); **warning**
 * when the buyer needs a look this week; **info** for a standing state the credit manager already knows of (a
 * high-risk tier, a high PD, concentration, a review due). One alert per buyer leads `alerts list` (the most
 * severe, then by `RULE_PRIORITY`), the others are listed under it.
 */
export const DEFAULT_ALERT_RULES: AlertRuleSet = {
  grade_worsened: {
    enabled: true,
    severity: 'critical',
    actions: ['notify', 'hold', 'review_task'],
    notify: ALL,
    notches: 2,
  },
  high_risk_tier: { enabled: true, severity: 'info', actions: ['notify'], notify: CM },
  pd_above: { enabled: true, severity: 'info', actions: [], notify: CM, pd: 0.1 },
  dbt_drift: { enabled: true, severity: 'warning', actions: ['notify'], notify: ALL, days: 10, minSettlements: 3 },
  late_share_up: {
    enabled: true,
    severity: 'info',
    actions: ['notify'],
    notify: COLLECT,
    points: 25,
    minSettlements: 3,
  },
  partial_payments: { enabled: true, severity: 'info', actions: ['notify'], notify: COLLECT },
  over_limit: { enabled: true, severity: 'critical', actions: ['notify', 'webhook'], notify: CM_SALES },
  utilisation: { enabled: true, severity: 'info', actions: ['notify'], notify: ['sales_owner'], percent: 85 },
  temporary_limit_expiring: { enabled: true, severity: 'info', actions: ['notify'], notify: CM_SALES, days: 14 },
  limit_expired: { enabled: true, severity: 'warning', actions: ['notify', 'review_task'], notify: CM_SALES },
  overdue_days: { enabled: true, severity: 'warning', actions: ['notify'], notify: COLLECT, days: 60 },
  overdue_amount: { enabled: true, severity: 'warning', actions: ['notify'], notify: COLLECT, amount: '50000.00' },
  promise_broken: { enabled: true, severity: 'warning', actions: ['notify'], notify: COLLECT, withinDays: 30 },
  plan_broken: { enabled: true, severity: 'critical', actions: ['notify', 'hold'], notify: ALL, withinDays: 30 },
  dispute_opened: {
    enabled: true,
    severity: 'info',
    actions: ['notify'],
    notify: ['sales_owner'],
    amount: '5000.00',
    withinDays: 30,
  },
  disputes_repeated: {
    enabled: true,
    severity: 'warning',
    actions: ['notify'],
    notify: CM_SALES,
    count: 3,
    withinDays: 180,
  },
  external_grade_worsened: {
    enabled: true,
    severity: 'warning',
    actions: ['notify', 'review_task'],
    notify: CM,
    notches: 1,
  },
  insurer_limit_reduced: { enabled: true, severity: 'critical', actions: ['notify', 'review_task'], notify: CM_SALES },
  country_risk_worsened: { enabled: true, severity: 'warning', actions: ['notify'], notify: CM },
  concentration: { enabled: true, severity: 'info', actions: [], notify: CM, percent: 10 },
  group_concentration: { enabled: true, severity: 'info', actions: [], notify: CM, percent: 20 },
  review_overdue: { enabled: true, severity: 'info', actions: ['review_task'], notify: CM },
  security_expiring: { enabled: true, severity: 'warning', actions: ['notify'], notify: CM_SALES, days: 30 },
};

/**
 * Which of a buyer's alerts leads it in `alerts list` when two have the same severity: the first here (what the
 * credit manager acts on first: money at risk now, then the buyer's standing, then housekeeping).
 */
export const RULE_PRIORITY: readonly RuleId[] = [
  'over_limit',
  'plan_broken',
  'insurer_limit_reduced',
  'grade_worsened',
  'overdue_days',
  'overdue_amount',
  'limit_expired',
  'promise_broken',
  'security_expiring',
  'external_grade_worsened',
  'dbt_drift',
  'disputes_repeated',
  'country_risk_worsened',
  'high_risk_tier',
  'late_share_up',
  'partial_payments',
  'dispute_opened',
  'utilisation',
  'temporary_limit_expiring',
  'pd_above',
  'review_overdue',
  'concentration',
  'group_concentration',
];

/** A person alerts are e-mailed to (`notify`): by the name buyers give as sales owner or collector. */
export interface AlertRecipient {
  readonly name: string;
  readonly email: string;
  /** The digest's language (else the user's workspace language, else the company's). */
  readonly language?: 'en' | 'zh-CN' | 'zh-TW';
}

/** Who a segment is: a risk tier, a country, a buyer group (all given must match). */
export interface SegmentWhen {
  readonly tier?: 'low' | 'medium' | 'high';
  readonly country?: string;
  readonly group?: string;
}

/** An alert policy as data: overrides of the defaults, then per segment (the first segment a buyer matches). */
export interface AlertPolicy {
  readonly id: string;
  readonly rules: AlertRuleSet;
  /** Who is told: the credit manager (by name) and every person's address and language. */
  readonly recipients: { readonly creditManager?: string; readonly people: readonly AlertRecipient[] };
  readonly segments: readonly { readonly when: SegmentWhen; readonly rules: AlertRuleSet }[];
}

const partialRules = z.strictObject(
  Object.fromEntries(RULE_IDS.map((id) => [id, RULE_SHAPES[id].partial().optional()])) as unknown as {
    [R in RuleId]: z.ZodType;
  },
);
const FILE = z.strictObject({
  id: z.string().min(1, 'a name for the policy'),
  recipients: z
    .strictObject({
      creditManager: z.string().min(1).optional(),
      people: z
        .array(
          z.strictObject({
            name: z.string().min(1),
            email: z.string().regex(/^[^\s@]+@[^\s@]+$/, 'an e-mail address'),
            language: z.enum(['en', 'zh-CN', 'zh-TW']).optional(),
          }),
        )
        .refine((ps) => new Set(ps.map((p) => p.name)).size === ps.length, 'each person once'),
    })
    .optional(),
  rules: partialRules.optional(),
  segments: z
    .array(
      z.strictObject({
        when: z
          .strictObject({
            tier: z.enum(['low', 'medium', 'high']).optional(),
            country: z.string().min(2).optional(),
            group: z.string().min(1).optional(),
          })
          .refine((w) => Object.keys(w).length > 0, 'at least one of tier, country, group'),
        rules: partialRules,
      }),
    )
    .optional(),
});

type Overrides = { readonly [R in RuleId]?: Partial<RuleConfig<R>> };
const merge = (into: AlertRuleSet, over: Overrides | undefined): AlertRuleSet =>
  Object.fromEntries(RULE_IDS.map((id) => [id, { ...into[id], ...(over?.[id] ?? {}) }])) as unknown as AlertRuleSet;

/**
 * Checks an alert policy read from JSON: each rule may override any of its defaults (unknown rules and fields
 * are errors), per segment too. Every problem is named with its path.
 */
export function parseAlertPolicy(json: unknown): Result<AlertPolicy> {
  const parsed = FILE.safeParse(json);
  if (!parsed.success) {
    const reason = parsed.error.issues
      .map((i) => `${i.path.length > 0 ? i.path.join('.') : 'policy'}: ${i.message}`)
      .join('; ');
    return fail('invalid_field', { field: 'policy', reason });
  }
  const rules = merge(DEFAULT_ALERT_RULES, parsed.data.rules as Overrides | undefined);
  const segments = (parsed.data.segments ?? []).map((s) => ({
    when: s.when as SegmentWhen,
    rules: merge(rules, s.rules as Overrides),
  }));
  const r = parsed.data.recipients;
  const recipients = {
    ...(r?.creditManager !== undefined ? { creditManager: r.creditManager } : {}),
    people: (r?.people ?? []).map((p) => ({
      name: p.name,
      email: p.email,
      ...(p.language !== undefined ? { language: p.language } : {}),
    })),
  };
  return ok({ id: parsed.data.id, rules, recipients, segments });
}

/** The rules for a buyer: the first segment it matches, else the policy's own. */
export function rulesFor(
  policy: AlertPolicy,
  buyer: {
    readonly tier?: 'low' | 'medium' | 'high' | undefined;
    readonly country: string;
    readonly groupId?: string | undefined;
  },
): AlertRuleSet {
  const match = policy.segments.find(
    (s) =>
      (s.when.tier === undefined || s.when.tier === buyer.tier) &&
      (s.when.country === undefined || s.when.country === buyer.country) &&
      (s.when.group === undefined || s.when.group === buyer.groupId),
  );
  return match?.rules ?? policy.rules;
}
