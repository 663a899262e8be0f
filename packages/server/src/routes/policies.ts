import { POLICY_KINDS, type PolicyKind, setPolicy } from '@credence/app';
import { policyInForce } from '@credence/runtime';
import { createRoute, z } from '@hono/zod-openapi';
import { dunningPolicyOf } from '../collecting';
import type { ServerDeps } from '../deps';
import { policiesChanged } from '../policies-in-force';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, userOf, WITH_BODY, writer } from '../route';
import { CREDIT } from './access';

const Version = z
  .object({
    kind: z.enum(POLICY_KINDS),
    version: z.number().int(),
    by: z.string(),
    recordedAt: z.string().openapi({ description: 'an instant (UTC)' }),
    reason: z.string(),
  })
  .openapi('PolicyVersion');

const PolicyOut = z
  .object({
    kind: z.enum(POLICY_KINDS),
    source: z.enum(['stored', 'file']).openapi({ description: 'the newest stored version, else the file' }),
    policy: z.record(z.string(), z.unknown()).openapi({ description: 'the policy in force, as JSON' }),
    versions: z.array(Version).openapi({ description: 'every stored version, oldest first' }),
  })
  .openapi('Policy');

const inForce = async (deps: ServerDeps, kind: PolicyKind): Promise<unknown> => {
  const p = deps.policies;
  if (kind === 'grading') return p.grading.policy;
  if (kind === 'limit') return p.limits;
  if (kind === 'check') return p.check;
  if (kind === 'cash') return policyInForce(deps.store, 'cash');
  if (kind === 'alerts') return policyInForce(deps.store, 'alerts');
  return dunningPolicyOf(deps);
};

const versionJson = (v: { kind: PolicyKind; version: number; by: string; recordedAt: Date; reason: string }) => ({
  kind: v.kind,
  version: v.version,
  by: v.by,
  recordedAt: v.recordedAt.toISOString(),
  reason: v.reason,
});

export const listPoliciesRoute = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'listPolicies',
    method: 'get',
    path: '/policies',
    tags: ['policies'],
    summary: 'The grading, limit, check and dunning policies in force, where each comes from, and its versions',
    responses: {
      200: json(z.object({ policies: z.array(PolicyOut) }), 'the policies'),
      ...problems(...SECURED),
    },
  }),
  async (c) => {
    const { deps } = c.var;
    const versions = await deps.store.policyVersions();
    const policies = await Promise.all(
      POLICY_KINDS.map(async (kind) => {
        const mine = versions.filter((v) => v.kind === kind);
        return {
          kind,
          source: mine.length > 0 ? ('stored' as const) : ('file' as const),
          policy: (await inForce(deps, kind)) as Record<string, unknown>,
          versions: mine.map(versionJson),
        };
      }),
    );
    return c.json({ policies }, 200);
  },
);

export const setPolicyRoute = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'setPolicy',
    method: 'put',
    path: '/policies/{kind}',
    tags: ['policies'],
    summary: 'Store a new version of a policy, validated as the shipped file is, with a reason (`credence policy set`)',
    description:
      'The new version is in force on this server at once, on other processes after their restart; earlier versions ' +
      'are kept. The same content as the newest version stores nothing and answers that version.',
    request: {
      params: z.object({ kind: z.enum(POLICY_KINDS).openapi({ param: { name: 'kind', in: 'path' } }) }),
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              policy: z.record(z.string(), z.unknown()).openapi({ description: 'the whole policy, as its file' }),
              reason: z.string().min(1).max(2000),
            }),
          },
        },
      },
    },
    responses: { 201: json(Version, 'stored and in force'), ...problems(...SECURED, ...WITH_BODY, 'rejected') },
  }),
  async (c) => {
    const { kind } = c.req.valid('param');
    const b = c.req.valid('json');
    const r = await setPolicy(writer(c), { kind, body: b.policy, reason: b.reason, by: userOf(c) });
    if (!r.ok) return failureResponse(r.error);
    policiesChanged(c.var.deps.store);
    return c.json(versionJson(r.value), 201);
  },
);
