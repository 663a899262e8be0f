import type { WorkingCapitalFigures, YearMonth } from '@credence/core';

/** One version of a month's figures as stored (`wc set`): the latest version of a month is in force. */
export interface StoredWorkingCapital extends WorkingCapitalFigures {
  readonly id: number;
  readonly by: string;
  readonly recordedAt: Date;
}

export interface WorkingCapitalReads {
  /** The latest version of each month's figures in [from, to], by month. */
  workingCapitalMonths(from: YearMonth, to: YearMonth): Promise<StoredWorkingCapital[]>;
}

export interface WorkingCapitalWrites {
  /** A new version of a month's figures (earlier versions are kept). */
  appendWorkingCapital(f: WorkingCapitalFigures & { readonly by: string }): Promise<StoredWorkingCapital>;
}
