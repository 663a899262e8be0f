import {
  addWebhook,
  deliverDueWebhooks,
  listWebhooks,
  removeWebhook,
  WEBHOOK_EVENT_TYPES,
  type WebhookDelivery,
  type WebhookSubscription,
  webhookDeliveries,
} from '@credence/app';
import { renderTable } from '@credence/core';
import type { Command } from 'commander';
import { type Io, withExistingStore, withStore } from '../context';
import { asFormat, asPositiveInt } from '../options';
import { emit } from './register-report';

const DB = ['--db <dir>', 'embedded database directory (default ./data/credence)'] as const;
const iso = (d: Date | undefined) => d?.toISOString() ?? '';

const subJson = (s: WebhookSubscription) => ({ ...s, createdAt: iso(s.createdAt) });

function subsText(subs: readonly WebhookSubscription[], format: string): string {
  if (format === 'json') return JSON.stringify(subs.map(subJson), null, 2);
  if (subs.length === 0) return 'No webhooks. Add one with `credence webhook add URL --events TYPE,…`.';
  return renderTable(
    ['id', 'url', 'events', 'active', 'created_by', 'created_at'].map((header) => ({ header })),
    subs.map((s) => [s.id, s.url, s.events.join(','), s.active ? 'yes' : 'no', s.createdBy, iso(s.createdAt)]),
  );
}

function deliveriesText(ds: readonly WebhookDelivery[], format: string): string {
  if (format === 'json')
    return JSON.stringify(
      ds.map((d) => ({
        ...d,
        occurredAt: iso(d.occurredAt),
        nextAttemptAt: iso(d.nextAttemptAt),
        deliveredAt: d.deliveredAt ? iso(d.deliveredAt) : null,
      })),
      null,
      2,
    );
  if (ds.length === 0) return 'No deliveries yet.';
  return renderTable(
    ['delivery', 'event', 'occurred_at', 'status', 'attempts', 'last_code', 'last_error', 'next_attempt_at'].map(
      (header) => ({ header }),
    ),
    ds.map((d) => [
      d.id,
      d.eventType,
      iso(d.occurredAt),
      d.status,
      String(d.attempts),
      d.lastStatusCode === undefined ? '' : String(d.lastStatusCode),
      d.lastError ?? '',
      d.status === 'pending' ? iso(d.nextAttemptAt) : '',
    ]),
  );
}

/** `credence webhook add|list|remove|deliveries|deliver` (docs/cli.md, "Webhooks"). */
export function registerWebhookCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const events = WEBHOOK_EVENT_TYPES.filter((t) => t !== 'webhook.ping').join(', ');
  const hook = program.command('webhook').description('tell other systems what happened: signed HTTP POSTs, retried');
  hook
    .command('add')
    .description('subscribe a URL to events and print the signing secret (shown this once)')
    .argument('<url>', 'where to POST (http or https)')
    .requiredOption('--events <types>', `comma-separated: ${events}`)
    .option('--format <format>', 'table (text) or json', asFormat, 'table')
    .option(...DB)
    .action(async (url: string, o) => {
      const list = String(o.events).split(',').filter(Boolean);
      const r = await withStore(o, io, (s) => addWebhook(s, { url, events: list }));
      if (!r.ok) return emit(io, state, r);
      const { subscription: sub, secret } = r.value;
      emit(io, state, {
        ok: true,
        text:
          o.format === 'json'
            ? JSON.stringify({ ...subJson(sub), secret })
            : `Webhook ${sub.id} added for ${sub.events.join(', ')} → ${sub.url}.\nSigning secret, shown this once (keep it secret):\n${secret}`,
      });
    });
  hook
    .command('list')
    .description('the subscriptions (active ones; --all for removed ones too)')
    .option('--all', 'removed ones too')
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option(...DB)
    .action(async (o) => {
      const subs = await withExistingStore(o, io, (s) => listWebhooks(s, o.all === true));
      emit(io, state, { ok: true, text: subsText(subs, o.format) });
    });
  hook
    .command('remove')
    .description('stop a subscription (its pending deliveries fail; the log stays)')
    .argument('<id>', 'the webhook id')
    .option(...DB)
    .action(async (id: string, o) => {
      const r = await withExistingStore(o, io, (s) => removeWebhook(s, id));
      emit(io, state, r.ok ? { ok: true, text: `Webhook ${id} removed.` } : r);
    });
  hook
    .command('deliveries')
    .description("a subscription's delivery log: event, status, attempts, last code and error")
    .argument('<id>', 'the webhook id')
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option(...DB)
    .action(async (id: string, o) => {
      const r = await withExistingStore(o, io, (s) => webhookDeliveries(s, id));
      emit(io, state, r.ok ? { ok: true, text: deliveriesText(r.value.deliveries, o.format) } : r);
    });
  hook
    .command('deliver')
    .description('send the deliveries due now, once (for cron; `credence serve` runs it in its worker)')
    .option('--batch <n>', 'at most this many deliveries', asPositiveInt)
    .option('--format <format>', 'table (text) or json', asFormat, 'table')
    .option(...DB)
    .action(async (o) => {
      const now = io.clock.now();
      const run = await withExistingStore(o, io, (s) =>
        deliverDueWebhooks(s, { now, ...(o.batch !== undefined ? { batch: o.batch } : {}) }),
      );
      const text =
        o.format === 'json'
          ? JSON.stringify(run)
          : `${run.attempted} attempted: ${run.delivered} delivered, ${run.retrying} to retry, ${run.failed} failed for good.`;
      emit(io, state, { ok: true, text });
    });
}
