import { api } from '../../api/client';

/** Never called: names the type of what the client answers for a run. */
const run = () => api.POST('/dunning-runs', { body: {} });

/**
 * A dunning run as the client gives POST /dunning-runs' answer (its nullable interest is typed by openapi-fetch,
 * not as `components['schemas']['DunningRun']` spells it).
 */
export type DunningRun = NonNullable<Awaited<ReturnType<typeof run>>['data']>;
