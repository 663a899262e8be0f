import { readFileSync } from 'node:fs';
import { type DunningPolicy, dunningRhythm, parseDunningPolicy } from '@credence/core';
import type { CollectionsTour } from '@credence/demo';
import { HISTORY_WEEKS } from '@credence/demo';
import { SEEDS_DUNNING_POLICY } from '@credence/runtime';
import { say } from './reason-lang';
import { renderWorklist } from './worklist';

/** The collections half of the demo in words: the history, the day's run by level, the outbox, the worklist. */
export function collectionsText(c: CollectionsTour, asOf: string, currency: string): string {
  const { policy, byLevel, held } = c;
  const { tasks, closed, snoozed } = c.worklist;
  return [
    `\nCollections as of ${asOf} (dunning policy "${policy.id}")`,
    `  dunned weekly for the ${HISTORY_WEEKS} weeks before: ${c.earlier} letters, each item one step up the ladder at a time`,
    ...c.notes.map((n) => `  ${n}`),
    `  ${c.letters} letters: ${policy.levels.map((l) => `${l.id} ${byLevel.get(l.id) ?? 0}`).join(', ')}`,
    `  held out: ${[...held].map(([r, n]) => `${r.replace('_', ' ')} ${n}`).join(', ') || 'none'}`,
    `  ${c.deliveries} deliveries wait in the outbox (\`credence dunning deliver\`); sample letters in ${c.lettersDir}`,
    ...rhythms(policy),
    '',
    renderWorklist(asOf, currency, tasks, 10, say('en'), { closed, snoozed }),
  ].join('\n');
}

/** The course of one unpaid invoice under the demo's policy and under the seeds' rhythm (shipped beside it). */
function rhythms(policy: DunningPolicy): string[] {
  const seeds = parseDunningPolicy(JSON.parse(readFileSync(SEEDS_DUNNING_POLICY, 'utf8')));
  const line = (p: DunningPolicy) =>
    `    ${p.id.padEnd(8)} ${dunningRhythm(p.levels, -30, 120)
      .map(
        (s) =>
          `day ${s.day} ${s.level.id} (${s.level.channel}${s.level.hold === true ? ', credit hold' : ''}${s.level.call === true ? ', call' : ''})`,
      )
      .join(' → ')}`;
  return [
    "  one invoice nobody pays, a run every day (--policy packages/runtime/config/dunning-policy-seeds.json for the seeds' rhythm):",
    line(policy),
    ...(seeds.ok ? [line(seeds.value)] : []),
  ];
}
