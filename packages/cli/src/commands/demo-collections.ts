import type { CollectionsTour } from '@credence/demo';
import { HISTORY_WEEKS } from '@credence/demo';
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
    '',
    renderWorklist(asOf, currency, tasks, 10, say('en'), { closed, snoozed }),
  ].join('\n');
}
