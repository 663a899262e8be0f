import type { BusinessDate, DeliveredInvoice } from '@credence/core';

/** A recorded proof of delivery of one invoice (append-only, once per invoice; migration 083). */
export interface DeliveryConfirmation {
  readonly document: string;
  readonly buyerId: string;
  /** The day the goods were delivered, as the proof says. */
  readonly deliveredOn: BusinessDate;
  /** A reference of the proof (a signed delivery note, a carrier's tracking id). */
  readonly ref?: string;
  readonly by: string;
  readonly recordedOn: BusinessDate;
}

export interface DeliveryReads {
  /** The confirmations recorded for these invoices (all when absent). */
  deliveryConfirmations(documents?: readonly string[]): Promise<DeliveryConfirmation[]>;
  /**
   * The invoices open today (no closing) delivered on or before the date (the delivery date, else the invoice
   * date), of one buyer or all, with no delivery confirmation.
   */
  deliveriesAwaiting(deliveredBy: BusinessDate, buyerId?: string): Promise<DeliveredInvoice[]>;
}

export interface DeliveryWrites {
  /** Records a confirmation; false when the invoice already has one (nothing written). */
  insertDeliveryConfirmation(c: DeliveryConfirmation): Promise<boolean>;
}
