/** One dunning letter as it leaves Credence, independent of the channel that carries it. */
export interface OutgoingEmail {
  /** Deterministic per outbox entry, e.g. "<L-2026-11-23-B001-friendly@credence.local>"; the same entry always gets the same id (a resend after a crash carries the same Message-ID). */
  readonly messageId: string;
  /** e.g. "Acme Trading GmbH <credit@acme.example>" */
  readonly from: string;
  readonly to: string;
  readonly replyTo?: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly { filename: string; content: Buffer; contentType: string }[];
}

export type DeliveryOutcome =
  /** detail: the server's response, e.g. "250 OK queued as …" */
  | { readonly status: 'sent'; readonly channel: 'smtp'; readonly detail: string }
  /** detail: the .eml path */
  | { readonly status: 'written'; readonly channel: 'outbox'; readonly detail: string }
  /** permanent: sending the same message again would fail again (e.g. a 5xx reply to the recipient) */
  | {
      readonly status: 'failed';
      readonly channel: 'smtp' | 'outbox';
      readonly detail: string;
      readonly permanent: boolean;
    };

/** Carries letters out. deliver() reports every delivery problem as a `failed` outcome and never throws for one. */
export interface Courier {
  readonly kind: 'smtp' | 'outbox';
  deliver(email: OutgoingEmail): Promise<DeliveryOutcome>;
  close(): Promise<void>;
}
