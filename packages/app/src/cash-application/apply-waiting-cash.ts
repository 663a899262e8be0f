import { storedPolicy } from '../policies/stored-policy';
import type { Store } from '../ports';
import { matchBankLines } from './match-bank-lines';

/**
 * Before the daily dunning run: bank lines imported but not matched yet (`import --no-match`, an upload) are
 * matched under the cash policy in force, so a paid invoice is never dunned after its statement was imported.
 */
export async function applyWaitingCash(store: Store): Promise<void> {
  if ((await store.linesToMatch()).length === 0) return;
  const { DEFAULT_MATCH_POLICY } = await import('@credence/core/cash-matching');
  const policy = (await storedPolicy(store, 'cash'))?.policy ?? DEFAULT_MATCH_POLICY;
  const r = await matchBankLines(store, { by: 'dunning run', policy });
  if (!r.ok) throw new Error(`matching the waiting bank lines failed: ${r.error.code}`);
}
