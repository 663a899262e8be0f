import { pauseBuyer } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { asDate, BuyerParam, IsoDate } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, userOf, WITH_BODY, writer } from '../route';
import { COLLECTION } from './access';

const Reason = z.string().min(1).max(2000).openapi({ example: 'in administration talks' });

const Paused = z
  .object({
    buyerId: z.string(),
    until: z.string().optional().openapi({ description: 'the last day of the pause (absent: resumed)' }),
  })
  .openapi('DunningPause');

/** Pause (with `until`) or resume a buyer's dunning, as `credence buyer pause` / `resume` (app `pauseBuyer`). */
function pauseRoute(pause: boolean) {
  const Body = pause
    ? z.object({ until: IsoDate.openapi({ description: 'inclusive' }), reason: Reason })
    : z.object({ reason: Reason });
  return defineRoute(
    COLLECTION,
    createRoute({
      operationId: pause ? 'pauseDunning' : 'resumeDunning',
      method: 'post',
      path: `/buyers/{id}/${pause ? 'pause' : 'resume'}`,
      tags: ['collections'],
      summary: pause ? "Pause all of a buyer's dunning until a date (inclusive)" : "End a buyer's dunning pause now",
      request: { params: BuyerParam, body: { required: true, content: { 'application/json': { schema: Body } } } },
      responses: {
        201: json(Paused, pause ? 'paused' : 'resumed'),
        ...problems(...SECURED, ...WITH_BODY, 'not-found', 'not-allowed', 'rejected'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json') as { reason: string; until?: string };
      const r = await pauseBuyer(
        writer(c),
        {
          buyerId: id,
          reason: b.reason,
          by: userOf(c),
          ...(b.until !== undefined ? { until: asDate(b.until) } : {}),
        },
        c.var.deps.clock.today(),
      );
      if (!r.ok) return failureResponse(r.error);
      return c.json(
        { buyerId: r.value.buyerId, ...(r.value.until !== undefined ? { until: r.value.until } : {}) },
        201,
      );
    },
  );
}

export const pauseDunning = pauseRoute(true);
export const resumeDunning = pauseRoute(false);
