import type {
  Allocation,
  Buyer,
  ExternalGrade,
  FinancialStatement,
  FxRate,
  GradeOverrideEvent,
  HoldEvent,
  LedgerDocument,
  LimitEvent,
  Order,
  Payment,
} from '@credence/core';
import type { CheckResult } from '../src/credit/check-results-ports';
import type { StoredForecastModel } from '../src/forecast/ports';
import type { PolicyVersion } from '../src/policies/ports';
import type { CashApplication, Recorded, RecordedGrade, Reversal, Stored, WriteOff } from '../src/ports';
import { type BankMem, copyBank, emptyBank } from './memory-bank';
import { type CollectionsMem, copyCollections, emptyCollections } from './memory-collections';
import { copyInsurance, emptyInsurance, type InsuranceMem } from './memory-insurance';
import type { JobsMem } from './memory-jobs';
import { copyUsers, emptyUsers, type UsersMem } from './memory-users';
import { copyWebhooks, emptyWebhooks, type WebhooksMem } from './memory-webhooks';

/** Everything the in-memory store holds; a transaction works on a copy. */
export interface State {
  buyers: Map<string, Buyer>;
  external: Map<string, ExternalGrade>;
  orders: Map<string, Order>;
  holds: HoldEvent[];
  overrides: GradeOverrideEvent[];
  securityEvents: import('@credence/core').SecurityEvent[];
  deliveryConfirmations: import('../src/delivery/ports').DeliveryConfirmation[];
  statementRecords: import('../src/credit-policy/statement-ports').StatementRecord[];
  policies: PolicyVersion[];
  limitEvents: LimitEvent[];
  grades: Map<string, RecordedGrade>;
  statements: Map<string, FinancialStatement>;
  documents: Map<string, Recorded<Stored<LedgerDocument>>>;
  payments: Map<string, Recorded<Stored<Payment>>>;
  allocations: Allocation[];
  writeOffs: Map<string, Recorded<Stored<WriteOff>>>;
  reversals: Map<string, Recorded<Stored<Reversal>>>;
  cashApplications: Map<string, Stored<CashApplication>>;
  fxRates: Map<string, FxRate>;
  keys: Set<string>;
  collections: CollectionsMem;
  people: UsersMem;
  jobs: JobsMem;
  webhooks: WebhooksMem;
  checkResults: CheckResult[];
  bank: BankMem;
  alerts: Map<string, import('@credence/core/monitoring').Alert>;
  /** Alert digests by `recipient|date`. */
  alertDigests: Map<string, import('../src/monitoring/ports').AlertDigestRecord>;
  /** Country risk classes by `country|validFrom`. */
  countryRisk: Map<string, import('@credence/core/monitoring').CountryRiskClass>;
  forecastModels: StoredForecastModel[];
  cashForecasts: import('../src/forecast/ports').StoredCashForecast[];
  insurance: InsuranceMem;
  workingCapital: import('../src/working-capital/ports').StoredWorkingCapital[];
  dailySteps: Map<string, import('../src/daily/ports').DailyStepRecord>;
  dailyRuns: Map<string, import('../src/daily/ports').DailyRunLease>;
}

export const copy = (s: State): State => ({
  buyers: new Map(s.buyers),
  external: new Map(s.external),
  orders: new Map(s.orders),
  holds: [...s.holds],
  overrides: [...s.overrides],
  securityEvents: [...s.securityEvents],
  deliveryConfirmations: [...s.deliveryConfirmations],
  statementRecords: [...s.statementRecords],
  policies: [...s.policies],
  limitEvents: [...s.limitEvents],
  grades: new Map(s.grades),
  statements: new Map(s.statements),
  documents: new Map(s.documents),
  payments: new Map(s.payments),
  allocations: [...s.allocations],
  writeOffs: new Map(s.writeOffs),
  reversals: new Map(s.reversals),
  cashApplications: new Map(s.cashApplications),
  fxRates: new Map(s.fxRates),
  keys: new Set(s.keys),
  collections: copyCollections(s.collections),
  people: copyUsers(s.people),
  jobs: new Map(s.jobs),
  webhooks: copyWebhooks(s.webhooks),
  checkResults: [...s.checkResults],
  bank: copyBank(s.bank),
  alerts: new Map(s.alerts),
  alertDigests: new Map(s.alertDigests),
  countryRisk: new Map(s.countryRisk),
  forecastModels: [...s.forecastModels],
  cashForecasts: [...s.cashForecasts],
  insurance: copyInsurance(s.insurance),
  workingCapital: [...s.workingCapital],
  dailySteps: new Map(s.dailySteps),
  dailyRuns: new Map(s.dailyRuns),
});

export const externalKey = (g: { buyerId: string; date: string; source: string }) =>
  `${g.buyerId}|${g.date}|${g.source}`;

export const statementKey = (x: { buyerId: string; fiscalYear: number }) => `${x.buyerId}|${x.fiscalYear}`;

export const pick = <T>(m: Map<string, T>, ids: readonly string[]): T[] =>
  [...new Set(ids)].flatMap((id) => {
    const v = m.get(id);
    return v === undefined ? [] : [v];
  });

export const emptyState = (): State => ({
  buyers: new Map(),
  external: new Map(),
  orders: new Map(),
  holds: [],
  overrides: [],
  securityEvents: [],
  deliveryConfirmations: [],
  statementRecords: [],
  policies: [],
  limitEvents: [],
  grades: new Map(),
  statements: new Map(),
  documents: new Map(),
  payments: new Map(),
  allocations: [],
  writeOffs: new Map(),
  reversals: new Map(),
  cashApplications: new Map(),
  fxRates: new Map(),
  keys: new Set(),
  collections: emptyCollections(),
  people: emptyUsers(),
  jobs: new Map(),
  webhooks: emptyWebhooks(),
  checkResults: [],
  bank: emptyBank(),
  alerts: new Map(),
  alertDigests: new Map(),
  countryRisk: new Map(),
  forecastModels: [],
  cashForecasts: [],
  insurance: emptyInsurance(),
  workingCapital: [],
  dailySteps: new Map(),
  dailyRuns: new Map(),
});
