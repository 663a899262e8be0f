import { fail, ok, type Result } from '@credence/core';
import type { Store } from '../ports';
import type { Job } from './ports';
import { type JobState, jobState } from './state';

/** A job and where it stands (`GET /api/v1/jobs/{id}`). */
export async function jobStatus(store: Store, id: string, now: Date): Promise<Result<Job & { state: JobState }>> {
  const job = /^[0-9]{1,18}$/.test(id) ? await store.findJob(id) : undefined;
  if (job === undefined) return fail('not_found', { what: 'job', id });
  return ok({ ...job, state: jobState(job, now) });
}
