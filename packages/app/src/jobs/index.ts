export { DEFAULT_MAX_ATTEMPTS, enqueueJob } from './enqueue-job';
export { jobStatus } from './job-status';
export type { Job, JobOutcome, JobReads, JobWrites, NewJob } from './ports';
export { DEFAULT_LEASE_MS, type JobHandler, type JobRun, type RunNextJob, runNextJob } from './run-next-job';
export { type JobState, jobState, retryDelayMs } from './state';
