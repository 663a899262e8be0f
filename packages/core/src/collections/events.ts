import type { BusinessDate } from '../calendar';
import type { CurrencyCode } from '../money/currency';

export type DisputeReason = 'quality' | 'quantity' | 'price' | 'not_received' | 'duplicate' | 'other';
export const DISPUTE_REASONS: readonly DisputeReason[] = [
  'quality',
  'quantity',
  'price',
  'not_received',
  'duplicate',
  'other',
];
export type DisputeOutcome = 'credit_note' | 'partial' | 'rejected';
export const DISPUTE_OUTCOMES: readonly DisputeOutcome[] = ['credit_note', 'partial', 'rejected'];

export interface Instalment {
  readonly date: BusinessDate;
  readonly amount: bigint;
}

interface Base {
  readonly buyerId: string;
  /** The business date the event happened on. */
  readonly date: BusinessDate;
  /** Who recorded it (a user name, or "dunning run"). */
  readonly by: string;
}

/**
 * What happens in collecting, as append-only events (migration 009 `collection_events`). Disputes, promises,
 * plans and pauses are folded from them (`collectionsState`); the activity timeline lists them.
 */
export type CollectionEvent =
  | (Base & {
      readonly kind: 'dispute_opened';
      readonly id: string;
      readonly documents: readonly string[];
      readonly reason: DisputeReason;
      readonly owner: string;
      readonly notes: string;
    })
  | (Base & {
      readonly kind: 'dispute_resolved';
      readonly id: string;
      readonly outcome: DisputeOutcome;
      /** The credit note that settles it (outcome credit_note), as imported from the invoicing system. */
      readonly creditNote?: string;
      /** The amount accepted as justified (outcome partial), in the disputed documents' currency. */
      readonly accepted?: bigint;
      readonly notes: string;
    })
  | (Base & {
      readonly kind: 'promise_made';
      readonly id: string;
      readonly amount: bigint;
      readonly currency: CurrencyCode;
      readonly promisedDate: BusinessDate;
      readonly graceDays: number;
      /** The documents it covers; empty = all the buyer's open items in the currency. */
      readonly documents: readonly string[];
      readonly notes: string;
    })
  | (Base & { readonly kind: 'promise_kept' | 'promise_broken'; readonly id: string })
  | (Base & {
      readonly kind: 'plan_created';
      readonly id: string;
      readonly currency: CurrencyCode;
      readonly documents: readonly string[];
      readonly instalments: readonly Instalment[];
      readonly graceDays: number;
      readonly notes: string;
    })
  | (Base & {
      readonly kind: 'plan_broken' | 'plan_completed';
      readonly id: string;
      /** The instalment missed (plan_broken). */
      readonly missed?: BusinessDate;
    })
  | (Base & { readonly kind: 'paused'; readonly until: BusinessDate; readonly reason: string })
  | (Base & { readonly kind: 'resumed'; readonly reason: string })
  | (Base & { readonly kind: 'note' | 'call'; readonly text: string; readonly documents: readonly string[] });

export type CollectionEventKind = CollectionEvent['kind'];
