// The public face of @credence/runtime, the composition root shared by the CLI and the server: open the store
// from options or DATABASE_URL, the clock and its time zone, the company settings and the policies, and the
// couriers that deliver letters, and the dunning letters' delivery (`deliverLetters`, `runAndDeliverDunning`).
// Light at import: the store's drivers (@credence/db, PGlite, pg), nodemailer, pdfkit and csv-parse load inside the
// functions that use them.
export { clockFromEnv, systemClock } from './clock';
export { COMPANY_EXAMPLE, companyFile, findCompany, outboxDir, readCompany, readGraceDays } from './company';
export { readJsonConfig } from './config-file';
export * from './daily';
export * from './delivery';
export * from './dunning';
export { type Env, operatorFrom, waitSecondsFrom } from './env';
export { RuntimeError, type RuntimeErrorKind } from './errors';
export { fileInside, MAX_FILE_NAME, safeFileName, safePath } from './files/safe-file-name';
export { DEFAULT_MODEL, readModelFile, writeModelFile } from './model-file';
export { alertDigestPost, deliverAlertDigests } from './monitoring/deliver-alert-digests';
export { openRuntime, type Runtime, type RuntimeOptions } from './open-runtime';
export { shippedPath } from './paths';
export {
  DEFAULT_CHECK_POLICY,
  DEFAULT_COUNTRY_RISK,
  DEFAULT_DUNNING_POLICY,
  DEFAULT_LIMIT_POLICY,
  DEFAULT_POLICY,
  DEFAULT_RATES,
  type GradePaths,
  gradeContext,
  loadPolicies,
  type Policies,
  type PolicyPaths,
  readCheckPolicy,
  readCountryRisk,
  readDunningPolicy,
  readGradingPolicy,
  readLimitPolicy,
  readRates,
  SEEDS_DUNNING_POLICY,
} from './policies';
export { DEFAULT_ALERT_RULES_FILE, policyInForce } from './policy-in-force';
export { deliverMonthlyStatements, statementPost } from './statements/deliver-statements';
export { statementHandlers } from './statements/statement-job';
export { DEFAULT_DB_DIR, describeStore, openStoreFrom, type StoreOptions } from './store';
export { findWebBuild } from './web-build';
export * from './worker';
