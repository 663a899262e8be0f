// Real requests for every route of the table: at least one success and one caller's mistake each. The contract
// test checks each response against the route's declared schema; docs and the role matrix reuse them.
import type { Store } from '@credence/app';
import { adminExamples } from './examples-admin';
import { cashExamples } from './examples-cash';
import { cashPositionExamples } from './examples-cash-position';
import { collectionExamples } from './examples-collections';
import { creditExamples } from './examples-credit';
import { forecastExamples } from './examples-forecast';
import { insuranceExamples } from './examples-insurance';
import { ledgerExamples } from './examples-ledger';
import { monitoringExamples } from './examples-monitoring';
import { statementExamples } from './examples-statements';
import type { Caller } from './fixture';

export interface Example {
  readonly name: string;
  readonly as: Caller | undefined;
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  /** The path from what earlier examples recorded (an id the store made), instead of `path`. */
  readonly pathFrom?: (store: Store) => Promise<string>;
  /** The body's media type when it is not JSON (an uploaded CSV file: the body as it is). */
  readonly contentType?: string;
  readonly status: number;
}

/** Facts of the demo data the examples need (read once the store is loaded). */
export interface Facts {
  readonly buyer: string;
  readonly currency: string;
  /** An open invoice of `buyer`. */
  readonly invoice: string;
}

/** The examples by operation id, from the files of each area. */
export function examples(f: Facts): Readonly<Record<string, readonly Example[]>> {
  return {
    ...adminExamples(f),
    ...creditExamples(f),
    ...ledgerExamples(f),
    ...collectionExamples(f),
    ...monitoringExamples(f),
    ...forecastExamples(f),
    ...insuranceExamples(f),
    ...cashExamples(f),
    ...cashPositionExamples(f),
    ...statementExamples(f),
  };
}
