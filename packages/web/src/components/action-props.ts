import type { Schemas } from '../api/client';

/** What every action of the buyer page gets: the buyer as the page shows it, and what to do when done. */
export interface ActionProps {
  readonly detail: Schemas['BuyerDetail'];
  /** Recorded: close, refresh the page's figures and timeline, announce `message`. */
  onDone(message: string): void;
  onClose(): void;
}

/** The buyer's open invoices (what a dispute, a promise or a plan can be about). */
export const openInvoices = (d: Schemas['BuyerDetail']) => d.openItems.filter((i) => i.type === 'invoice');
