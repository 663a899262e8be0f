import type { RuleId, Severity } from './rules';

export type DigestLanguage = 'en' | 'zh-CN' | 'zh-TW';
export const DIGEST_LANGUAGES: readonly DigestLanguage[] = ['en', 'zh-CN', 'zh-TW'];

/** The words of an alert digest, per language: the subject, the headings, each severity and each rule's name. */
export interface DigestWords {
  readonly subject: (date: string, count: number) => string;
  readonly greeting: (name: string) => string;
  readonly intro: (date: string) => string;
  readonly columns: readonly [string, string, string, string];
  readonly isNew: string;
  readonly severity: { readonly [S in Severity]: string };
  readonly rule: { readonly [R in RuleId]: string };
}

export const DIGEST_WORDS: { readonly [L in DigestLanguage]: DigestWords } = {
  en: {
    subject: (date, n) => `Credit alerts ${date}: ${n} open`,
    greeting: (name) => `Hello ${name},`,
    intro: (date) => `these alerts on your buyers are open as of ${date} (new ones marked *):`,
    columns: ['Severity', 'Buyer', 'Alert', 'Figures'],
    isNew: 'new',
    severity: { critical: 'critical', warning: 'warning', info: 'info' },
    rule: {
      grade_worsened: 'grade worsened',
      high_risk_tier: 'high-risk tier',
      pd_above: 'probability of default above threshold',
      dbt_drift: 'paying later than usual',
      late_share_up: 'more payments late',
      partial_payments: 'partial payments',
      over_limit: 'over the credit limit',
      utilisation: 'credit limit nearly used',
      temporary_limit_expiring: 'temporary limit expiring',
      limit_expired: 'limit expired',
      overdue_days: 'overdue beyond policy',
      overdue_amount: 'overdue amount above threshold',
      promise_broken: 'promise to pay broken',
      plan_broken: 'payment plan broken',
      dispute_opened: 'dispute opened',
      disputes_repeated: 'repeated disputes',
      external_grade_worsened: 'external grade worsened',
      insurer_limit_reduced: 'insurer limit reduced',
      country_risk_worsened: 'country risk worsened',
      concentration: 'concentration',
      group_concentration: 'group concentration',
      review_overdue: 'credit review due',
      security_expiring: 'security expiring',
    },
  },
  'zh-CN': {
    subject: (date, n) => `信用预警 ${date}：${n} 条未处理`,
    greeting: (name) => `${name}，您好：`,
    intro: (date) => `截至 ${date}，您负责的客户有以下预警（* 为新预警）：`,
    columns: ['级别', '客户', '预警', '数据'],
    isNew: '新',
    severity: { critical: '严重', warning: '警告', info: '提示' },
    rule: {
      grade_worsened: '评级下调',
      high_risk_tier: '高风险等级',
      pd_above: '违约概率超过阈值',
      dbt_drift: '付款比以往更晚',
      late_share_up: '逾期付款增多',
      partial_payments: '部分付款',
      over_limit: '超出信用额度',
      utilisation: '信用额度即将用满',
      temporary_limit_expiring: '临时额度即将到期',
      limit_expired: '额度已到期',
      overdue_days: '逾期超过政策天数',
      overdue_amount: '逾期金额超过阈值',
      promise_broken: '付款承诺未兑现',
      plan_broken: '分期付款计划违约',
      dispute_opened: '新争议',
      disputes_repeated: '争议频繁',
      external_grade_worsened: '外部评级下调',
      insurer_limit_reduced: '保险公司削减限额',
      country_risk_worsened: '国家风险上升',
      concentration: '客户集中度',
      group_concentration: '集团集中度',
      review_overdue: '信用复核到期',
      security_expiring: '担保即将到期',
    },
  },
  'zh-TW': {
    subject: (date, n) => `信用預警 ${date}：${n} 條未處理`,
    greeting: (name) => `${name}，您好：`,
    intro: (date) => `截至 ${date}，您負責的客戶有以下預警（* 為新預警）：`,
    columns: ['級別', '客戶', '預警', '數據'],
    isNew: '新',
    severity: { critical: '嚴重', warning: '警告', info: '提示' },
    rule: {
      grade_worsened: '評級下調',
      high_risk_tier: '高風險等級',
      pd_above: '違約機率超過閾值',
      dbt_drift: '付款比以往更晚',
      late_share_up: '逾期付款增多',
      partial_payments: '部分付款',
      over_limit: '超出信用額度',
      utilisation: '信用額度即將用滿',
      temporary_limit_expiring: '臨時額度即將到期',
      limit_expired: '額度已到期',
      overdue_days: '逾期超過政策天數',
      overdue_amount: '逾期金額超過閾值',
      promise_broken: '付款承諾未兌現',
      plan_broken: '分期付款計劃違約',
      dispute_opened: '新爭議',
      disputes_repeated: '爭議頻繁',
      external_grade_worsened: '外部評級下調',
      insurer_limit_reduced: '保險公司削減限額',
      country_risk_worsened: '國家風險上升',
      concentration: '客戶集中度',
      group_concentration: '集團集中度',
      review_overdue: '信用複核到期',
      security_expiring: '擔保即將到期',
    },
  },
};
