import type { ApiRoute } from '../route';
import { acknowledgeAlertRoute, listAlertsRoute, resolveAlertRoute, runAlertsRoute, snoozeAlertRoute } from './alerts';
import { getFinancials, recommendLimitRoute } from './analysis';
import { audit } from './audit';
import { importBankStatementRoute } from './bank-statements';
import { getTimeline, holdBuyer, releaseBuyer } from './buyer-events';
import { buyerOverviewRoute } from './buyer-overview';
import { getBuyer, listBuyers } from './buyers';
import { applyCashRoute, reallocateCashRoute } from './cash';
import { cashAccuracyRoute, cashForecastRoute } from './cash-forecast';
import { listCashReviewRoute, listUnappliedCashRoute } from './cash-lines';
import { getWorkingCapitalRoute, kpisByPersonRoute, setWorkingCapitalRoute, simulateRoute } from './cash-position';
import {
  acceptCashLineRoute,
  listCashIbansRoute,
  matchCashRoute,
  rejectCashLineRoute,
  removeCashIbanRoute,
  repointCashLineRoute,
  setCashIbanRoute,
} from './cash-review';
import { listDisputesRoute, listPlansRoute, listPromisesRoute } from './collection-lists';
import { addNoteRoute, addPromiseRoute, openDisputeRoute, resolveDisputeRoute } from './collections';
import { creditCheck } from './credit-checks';
import { listCheckResultsRoute, listLimitRequestsRoute } from './credit-desk';
import { getDailyRoute, runDailyRoute } from './daily';
import { runDunningRoute } from './dunning';
import { getDunningRun } from './dunning-run-letters';
import { recordDocument, recordPaymentRoute } from './entries';
import { backtestForecastRoute, eclReportRoute, eclWithRatesRoute, trainForecastRoute } from './forecast';
import { clearGradeOverrideRoute, gradeHistoryRoute, overrideGradeRoute } from './grade-overrides';
import { getGrade, runGradesRoute } from './grades';
import { health } from './health';
import {
  importBuyersRoute,
  importFxRatesRoute,
  importInvoices,
  importOrdersRoute,
  importPaymentsRoute,
  importStatementsRoute,
} from './imports';
import { addInsurancePolicyRoute, insuranceLimitsRoute, recordInsuranceLimitRoute } from './insurance';
import {
  insuranceClaimRoute,
  notificationFormRoute,
  notifyOverdueRoute,
  recordClaimStepRoute,
} from './insurance-claims';
import { insuranceReportRoute } from './insurance-declaration';
import {
  importInsurerDecisionsRoute,
  recordAdverseInformationRoute,
  recordDiscretionaryLimitRoute,
} from './insurance-events';
import { insuranceDeadlinesRoute, insuranceExposureRoute } from './insurance-reports';
import { calculateInterest } from './interest';
import { deliverRunRoute, getJob } from './jobs';
import { keyAccountsRoute } from './key-accounts';
import { getLetter, previewLetter, sendLetter } from './letters';
import { approveLimit, getLimit, rejectLimit, requestBuyerLimit, setBuyerLimit } from './limits';
import { getMe, setMyLanguage } from './me';
import { recordOrder } from './orders';
import { overdueBuyersReport } from './overdue-buyers';
import { pauseDunning, resumeDunning } from './pauses';
import { createPlanRoute } from './plans';
import { listPoliciesRoute, setPolicyRoute } from './policies';
import { agingTrendReport, exposureReport, listDocumentsRoute, overLimitReport } from './portfolio';
import { agingReport, kpiReport } from './reports';
import { reverse } from './reversals';
import { listReviews } from './reviews';
import { addSecurityRoute, endSecurityRoute, listSecuritiesRoute } from './securities';
import { confirmStatementRoute, disputeStatementRoute, listStatementRecordsRoute } from './statement-answers';
import { sendKeyAccountStatementsRoute, sendStatementRoute } from './statement-sends';
import { statementRoute } from './statements';
import { addUserRoute, listUsersRoute, revokeUserRoute } from './users';
import {
  addWebhookRoute,
  listWebhooksRoute,
  removeWebhookRoute,
  testWebhookRoute,
  webhookDeliveriesRoute,
} from './webhooks';
import { completeTaskRoute, getWorklist, refreshWorklistRoute, snoozeTaskRoute } from './worklist';
import { writeOff } from './write-offs';

/**
 * The route table: every route of /api/v1, each with the roles it allows. A route missing here is not
 * served; test/roles.test.ts walks this table × every role against its own table of decisions.
 */
export const ROUTES: readonly ApiRoute[] = [
  health,
  getMe,
  setMyLanguage,
  listBuyers,
  buyerOverviewRoute,
  getBuyer,
  getTimeline,
  holdBuyer,
  releaseBuyer,
  getGrade,
  runGradesRoute,
  overrideGradeRoute,
  clearGradeOverrideRoute,
  gradeHistoryRoute,
  listPoliciesRoute,
  setPolicyRoute,
  getLimit,
  requestBuyerLimit,
  approveLimit,
  rejectLimit,
  setBuyerLimit,
  listLimitRequestsRoute,
  recordOrder,
  importOrdersRoute,
  creditCheck,
  listCheckResultsRoute,
  agingReport,
  kpiReport,
  overdueBuyersReport,
  agingTrendReport,
  exposureReport,
  overLimitReport,
  listDocumentsRoute,
  recordDocument,
  recordPaymentRoute,
  importBuyersRoute,
  importFxRatesRoute,
  importInvoices,
  importPaymentsRoute,
  importBankStatementRoute,
  importStatementsRoute,
  getFinancials,
  recommendLimitRoute,
  listReviews,
  applyCashRoute,
  reallocateCashRoute,
  writeOff,
  reverse,
  calculateInterest,
  addNoteRoute,
  openDisputeRoute,
  resolveDisputeRoute,
  addPromiseRoute,
  createPlanRoute,
  listDisputesRoute,
  listPromisesRoute,
  listPlansRoute,
  getWorklist,
  refreshWorklistRoute,
  snoozeTaskRoute,
  completeTaskRoute,
  pauseDunning,
  resumeDunning,
  previewLetter,
  sendLetter,
  runDunningRoute,
  deliverRunRoute,
  getJob,
  getDunningRun,
  getLetter,
  listUsersRoute,
  addUserRoute,
  revokeUserRoute,
  addWebhookRoute,
  listWebhooksRoute,
  testWebhookRoute,
  webhookDeliveriesRoute,
  removeWebhookRoute,
  audit,
  listAlertsRoute,
  runAlertsRoute,
  acknowledgeAlertRoute,
  snoozeAlertRoute,
  resolveAlertRoute,
  keyAccountsRoute,
  listSecuritiesRoute,
  addSecurityRoute,
  endSecurityRoute,
  statementRoute,
  sendStatementRoute,
  sendKeyAccountStatementsRoute,
  listStatementRecordsRoute,
  confirmStatementRoute,
  disputeStatementRoute,
  listCashReviewRoute,
  listUnappliedCashRoute,
  eclReportRoute,
  eclWithRatesRoute,
  getWorkingCapitalRoute,
  setWorkingCapitalRoute,
  simulateRoute,
  kpisByPersonRoute,
  trainForecastRoute,
  backtestForecastRoute,
  addInsurancePolicyRoute,
  recordInsuranceLimitRoute,
  insuranceLimitsRoute,
  insuranceExposureRoute,
  insuranceDeadlinesRoute,
  insuranceReportRoute,
  recordDiscretionaryLimitRoute,
  recordAdverseInformationRoute,
  importInsurerDecisionsRoute,
  notifyOverdueRoute,
  notificationFormRoute,
  recordClaimStepRoute,
  insuranceClaimRoute,
  matchCashRoute,
  acceptCashLineRoute,
  rejectCashLineRoute,
  repointCashLineRoute,
  listCashIbansRoute,
  setCashIbanRoute,
  removeCashIbanRoute,
  runDailyRoute,
  getDailyRoute,
  cashForecastRoute,
  cashAccuracyRoute,
];
