import type { BusinessDate } from '@credence/core';

/** The steps of the daily cycle, in the order they run (`DAILY_STEPS`). */
export type DailyStepName = string;

/** Figures a step reports: counts, and counts by a key (alerts by severity, letters by level). */
export interface DailyFigures {
  readonly counts: Readonly<Record<string, number>>;
  readonly by?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** One step of one date's cycle as recorded (migration 064): done with its figures, or failed with the error. */
export interface DailyStepRecord {
  readonly asOf: BusinessDate;
  readonly step: DailyStepName;
  readonly status: 'done' | 'failed';
  readonly figures: DailyFigures;
  /** How long the step took (the last attempt). */
  readonly ms: number;
  readonly error?: string;
  /** How many times the step was started for the date. */
  readonly attempts: number;
  readonly finishedAt: Date;
}

export interface DailyReads {
  /** The steps recorded for a date (none: the cycle has not run), in the order they finished. */
  dailySteps(asOf: BusinessDate): Promise<DailyStepRecord[]>;
  /** The lease on a date's cycle, live or lapsed; undefined when no run holds it. */
  dailyRunLease(asOf: BusinessDate): Promise<DailyRunLease | undefined>;
}

export interface DailyWrites {
  /** Records a step's outcome for its date, replacing the earlier one (a failed step that ran again). */
  recordDailyStep(r: Omit<DailyStepRecord, 'attempts'>): Promise<void>;
  /** Takes or renews the date's lease (replacing a lapsed one: call it under `lock`, after reading it). */
  holdDailyRun(lease: DailyRunLease): Promise<void>;
  /** Gives the date's lease up, if `token` still holds it. */
  releaseDailyRun(asOf: BusinessDate, token: string): Promise<void>;
}

/**
 * The run holding a date's cycle (migration 102): who (`holder`, for people: command, process, host), a token of
 * its own (two runs by the same holder differ), since when, and until when its lease lasts unless renewed.
 */
export interface DailyRunLease {
  readonly asOf: BusinessDate;
  readonly holder: string;
  readonly token: string;
  readonly startedAt: Date;
  readonly lockedUntil: Date;
}
