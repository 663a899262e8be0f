import type { Job, JobReads, JobWrites } from '../src/jobs';

/** The job queue of the in-memory store (a transaction works on a copy; ids count from 1). */
export type JobsMem = Map<string, Job>;

const live = (j: Job) => j.doneAt === undefined && j.failedAt === undefined;
const held = (j: Job | undefined, worker: string): j is Job => j !== undefined && live(j) && j.lockedBy === worker;
const released = ({ lockedBy: _, lockedUntil: __, ...j }: Job): Job => j;

export function jobsReads(m: () => JobsMem): JobReads {
  return { findJob: async (id) => m().get(id) };
}

export function jobsWrites(m: () => JobsMem, at: Date, by: string): JobWrites {
  return {
    enqueueJob: async (n) => {
      const taken = n.dedupKey === undefined ? undefined : [...m().values()].find((j) => j.dedupKey === n.dedupKey);
      if (taken !== undefined && live(taken)) return { job: taken, created: false };
      const job: Job = { ...n, id: taken?.id ?? String(m().size + 1), attempts: 0, createdAt: at, createdBy: by };
      m().set(job.id, job);
      return { job, created: true };
    },
    claimJob: async (q) => {
      const due = [...m().values()]
        .filter((j) => live(j) && q.kinds.includes(j.kind) && j.runAt <= q.now)
        .filter((j) => j.lockedUntil === undefined || j.lockedUntil <= q.now)
        .sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || Number(a.id) - Number(b.id))[0];
      if (due === undefined) return undefined;
      const job = { ...due, attempts: due.attempts + 1, lockedBy: q.worker, lockedUntil: q.leaseUntil };
      m().set(job.id, job);
      return job;
    },
    extendJobLease: async (id, worker, until) => {
      const j = m().get(id);
      if (!held(j, worker)) return false;
      m().set(id, { ...j, lockedUntil: until });
      return true;
    },
    settleJob: async (id, worker, o) => {
      const j = m().get(id);
      if (!held(j, worker)) return false;
      const r = released(j);
      m().set(
        id,
        o.kind === 'done'
          ? { ...r, doneAt: o.at }
          : o.kind === 'failed'
            ? { ...r, failedAt: o.at, lastError: o.error }
            : { ...r, runAt: o.runAt, lastError: o.error },
      );
      return true;
    },
  };
}
