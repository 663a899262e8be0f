import { readFile } from 'node:fs/promises';
import type { Store } from '@credence/app';
import type { AlertQuery } from '@credence/app/monitoring';
import { type BusinessDate, renderTable } from '@credence/core';
import type { Alert, AlertDecision, AlertPolicy, AlertState } from '@credence/core/monitoring';
import {
  courierFromEnv,
  DEFAULT_ALERT_RULES_FILE,
  deliverAlertDigests,
  outboxDir,
  policyInForce,
  readCompany,
  readJsonConfig,
} from '@credence/runtime';
import type { Command } from 'commander';
import { CliError, type Io, withExistingStore, withStore } from '../context';
import { EXIT } from '../exit-codes';
import { asCurrency, asDate, asFormat, asNote } from '../options';
import { emit } from './register-report';

// The monitoring modules (the rules are a Zod schema) are loaded by these commands only: the CLI starts without zod.
const monitoringCore = () => import('@credence/core/monitoring');
const monitoringApp = () => import('@credence/app/monitoring');

/** The shipped rules, or a file (the demo's and a what-if's); `alertRulesInForce` reads the stored ones. */
export async function readRules(path: string | undefined): Promise<AlertPolicy> {
  const { parseAlertPolicy } = await monitoringCore();
  return readJsonConfig(path ?? DEFAULT_ALERT_RULES_FILE, 'alert rules', parseAlertPolicy);
}

/** The rules a command uses: `--rules FILE`, else the newest stored version (`policy set alerts`), else the shipped file. */
export const alertRulesInForce = (store: Store, path: string | undefined): Promise<AlertPolicy> =>
  policyInForce(store, 'alerts', path);

/** An alert as `--format json` gives it (docs/cli.md). */
export const alertJson = (a: Alert) => ({
  key: a.key,
  rule: a.rule,
  severity: a.severity,
  buyerId: a.buyerId,
  ...(a.document !== undefined ? { document: a.document } : {}),
  figures: a.figures,
  state: a.state,
  firstSeen: a.firstSeen,
  lastSeen: a.lastSeen,
  ...(a.snoozedUntil !== undefined ? { snoozedUntil: a.snoozedUntil } : {}),
  ...(a.resolution !== undefined ? { resolution: a.resolution, resolvedOn: a.resolvedOn } : {}),
  ...(a.note !== undefined ? { note: a.note } : {}),
});

const figuresText = (a: Alert) =>
  Object.entries(a.figures)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');

function alertsTable(alerts: readonly Alert[]): string {
  return renderTable(
    [
      { header: 'Severity' },
      { header: 'Key' },
      { header: 'Buyer' },
      { header: 'State' },
      { header: 'First seen' },
      { header: 'Last seen' },
      { header: 'Figures' },
    ],
    alerts.map((a, i) => [
      a.severity,
      // The buyer's other alerts are listed under its leading one (`alerts list`).
      i > 0 && alerts[i - 1]?.buyerId === a.buyerId ? `  ↳ ${a.key}` : a.key,
      a.buyerId,
      a.state === 'snoozed' ? `snoozed until ${a.snoozedUntil}` : a.state,
      a.firstSeen,
      a.lastSeen,
      figuresText(a),
    ]),
  );
}

const STATES: readonly (AlertState | 'all')[] = ['open', 'acknowledged', 'snoozed', 'resolved', 'all'];
const asStates = (v: string): readonly AlertState[] | 'all' => {
  const parts = v.split(',').map((x) => x.trim());
  for (const p of parts)
    if (!(STATES as readonly string[]).includes(p))
      throw new CliError(`"${p}" is not an alert state: ${STATES.join(', ')}`, EXIT.usage);
  return parts.includes('all') ? 'all' : (parts as AlertState[]);
};

/** `alerts run|list|ack|snooze|resolve`, `alerts rules check FILE` (docs/domain/monitoring.md). */
export function registerAlertCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const alerts = program.command('alerts').description('monitoring: alert rules evaluated on the portfolio, alerts');
  alerts
    .command('run')
    .description('evaluate the alert rules as of a date and record the alerts (rerunning a date changes nothing)')
    .option('--as-of <date>', 'as of this date (default: today)', asDate)
    .option(
      '--rules <file>',
      'alert rules (default: the stored policy, `policy set alerts`, else the shipped config/alert-rules.json)',
    )
    .option('--currency <code>', 'base currency of concentration (default: the one most buyers have)', asCurrency)
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const asOf: BusinessDate = o.asOf ?? io.clock.today();
      const { runAlerts } = await monitoringApp();
      const r = await withStore(o, io, async (s) =>
        runAlerts(s, {
          asOf,
          policy: await alertRulesInForce(s, o.rules),
          ...(o.currency !== undefined ? { baseCurrency: o.currency } : {}),
        }),
      );
      if (!r.ok) return emit(io, state, r);
      const v = r.value;
      if (o.format === 'json') {
        const { alerts: list, ...summary } = v;
        io.out(JSON.stringify({ ...summary, alerts: list.map(alertJson) }, null, 2));
        return;
      }
      const s = v.openedBySeverity;
      io.out(
        `alerts as of ${asOf}: ${v.opened} opened (${s.critical} critical, ${s.warning} warning, ${s.info} info), ` +
          `${v.updated} updated, ${v.resolved} resolved; holds set ${v.holdsSet.length}, lifted ${v.holdsLifted.length}\n`,
      );
      io.out(alertsTable(v.alerts));
    });
  alerts
    .command('notify')
    .description('e-mail each person one digest of the open alerts on their buyers, in their language (once a date)')
    .option('--as-of <date>', 'the digests of this date (default: today)', asDate)
    .option('--rules <file>', 'alert rules (default: the stored policy, else the shipped file)')
    .option('--company <file>', 'company settings (default ./company.json or $CREDENCE_COMPANY)')
    .option('--outbox <dir>', 'outbox directory for .eml files when no SMTP is set (default ./data/outbox)')
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const asOf: BusinessDate = o.asOf ?? io.clock.today();
      const company = await readCompany(o.company, io.env);
      let courier: ReturnType<typeof courierFromEnv>;
      try {
        courier = courierFromEnv(io.env, outboxDir(o.outbox, io.env));
      } catch (e) {
        throw new CliError(e instanceof Error ? e.message : String(e), EXIT.usage);
      }
      const r = await withStore(o, io, async (s) => {
        try {
          return await deliverAlertDigests(s, { courier, company, rulesFile: o.rules }, asOf);
        } finally {
          await courier.close();
        }
      });
      if (o.format === 'json') io.out(JSON.stringify(r, null, 2));
      else {
        io.out(
          `alert digests ${asOf}: ${r.sent.length} sent, ${r.failed.length} failed, ${r.alreadySent.length} sent before` +
            (r.unreachable.length > 0 ? `; no address for ${r.unreachable.join(', ')}` : ''),
        );
        for (const f of r.failed) io.out(`  failed ${f.recipient}: ${f.detail}`);
      }
      // A digest not delivered (the mail server refused or was down): rerun the date to retry it.
      if (r.failed.length > 0) state.exitCode = EXIT.unavailable;
    });
  alerts
    .command('list')
    .description('the recorded alerts (default: those not resolved), critical first')
    .option('--state <states>', 'open, acknowledged, snoozed, resolved (comma-separated) or all', asStates)
    .option('--buyer <id>', 'one buyer')
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const { listAlerts } = await monitoringApp();
      const q: AlertQuery = {
        ...(o.state === 'all'
          ? { states: ['open', 'acknowledged', 'snoozed', 'resolved'] as AlertState[] }
          : o.state !== undefined
            ? { states: o.state }
            : {}),
        ...(o.buyer !== undefined ? { buyerId: o.buyer } : {}),
      };
      const list = await withExistingStore(o, io, (s) => listAlerts(s, q));
      if (o.format === 'json') {
        io.out(JSON.stringify({ asOf: io.clock.today(), alerts: list.map(alertJson) }, null, 2));
        return;
      }
      io.out(`${list.length} alerts\n`);
      io.out(alertsTable(list));
    });
  const decide = (name: 'ack' | 'snooze' | 'resolve', description: string) =>
    alerts
      .command(name)
      .description(description)
      .argument('<key>', 'the alert key (rule:buyer[:document])')
      .option('--format <format>', 'table or json', asFormat, 'table')
      .option('--db <dir>', 'embedded database directory (default ./data/credence)');
  const act = async (o: { format: string }, key: string, decision: AlertDecision) => {
    const { decideAlert } = await monitoringApp();
    const r = await withStore(o as never, io, (s: Store) => decideAlert(s, { key, decision }, io.clock.today()));
    if (!r.ok) return emit(io, state, r);
    if (o.format === 'json') io.out(JSON.stringify(alertJson(r.value), null, 2));
    else io.out(`${r.value.key}: ${r.value.state}${r.value.snoozedUntil ? ` until ${r.value.snoozedUntil}` : ''}`);
  };
  decide('ack', 'acknowledge an alert (someone is on it; it opens again if it worsens)').action((key: string, o) =>
    act(o, key, { action: 'ack' }),
  );
  decide('snooze', 'quiet an alert until a date (it opens again the day after, or when it worsens)')
    .requiredOption('--until <date>', 'the last quiet day', asDate)
    .action((key: string, o) => act(o, key, { action: 'snooze', until: o.until }));
  decide('resolve', 'resolve an alert with a note (it opens again only if it worsens)')
    .requiredOption('--note <text>', 'why it is resolved', asNote)
    .action((key: string, o) => act(o, key, { action: 'resolve', note: o.note }));
  alerts
    .command('rules')
    .description('alert rules')
    .command('check')
    .description('check an alert rules file: every problem with its path')
    .argument('<file>', 'the rules as JSON')
    .action(async (file: string) => {
      const { parseAlertPolicy, RULE_IDS, RULES_WITHOUT_DATA } = await monitoringCore();
      let json: unknown;
      try {
        json = JSON.parse(await readFile(file, 'utf8'));
      } catch (e) {
        throw new CliError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`, EXIT.usage);
      }
      const p = parseAlertPolicy(json);
      if (!p.ok) {
        io.err(`credence: ${file}: ${String(p.error.params.reason)}`);
        state.exitCode = EXIT.rejected;
        return;
      }
      const on = RULE_IDS.filter((id) => p.value.rules[id].enabled);
      io.out(
        `${file}: alert rules "${p.value.id}" are valid: ${on.length} of ${RULE_IDS.length} rules on, ` +
          `${p.value.segments.length} segments` +
          (RULES_WITHOUT_DATA.length > 0
            ? `; not evaluated yet for lack of data: ${RULES_WITHOUT_DATA.join(', ')}`
            : ''),
      );
    });
}
