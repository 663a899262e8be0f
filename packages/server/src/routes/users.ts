import { addUser, listUsers, ROLES, revokeUser } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, WITH_BODY, writer } from '../route';
import { ADMIN } from './access';

const Name = z.string().min(1).max(64).openapi({ example: 'erp-connector' });
const Role = z.enum(ROLES);

const User = z
  .object({
    name: z.string(),
    role: z.string(),
    createdAt: z.string().openapi({ description: 'ISO 8601, UTC' }),
    revokedAt: z.string().optional(),
  })
  .openapi('User');

export const listUsersRoute = defineRoute(
  ADMIN,
  createRoute({
    operationId: 'listUsers',
    method: 'get',
    path: '/users',
    tags: ['users'],
    summary: 'Every user, revoked ones included (`credence user list`)',
    responses: {
      200: json(z.object({ users: z.array(User) }).openapi('UserList'), 'the users'),
      ...problems(...SECURED),
    },
  }),
  async (c) => {
    const users = await listUsers(c.var.deps.store);
    return c.json(
      {
        users: users.map((u) => ({
          name: u.name,
          role: u.role,
          createdAt: u.createdAt.toISOString(),
          ...(u.revokedAt !== undefined ? { revokedAt: u.revokedAt.toISOString() } : {}),
        })),
      },
      200,
    );
  },
);

export const addUserRoute = defineRoute(
  ADMIN,
  createRoute({
    operationId: 'addUser',
    method: 'post',
    path: '/users',
    tags: ['users'],
    summary: 'Create a user with a role and an API token, shown this once (`credence user add`)',
    request: {
      body: { required: true, content: { 'application/json': { schema: z.object({ name: Name, role: Role }) } } },
    },
    responses: {
      201: json(
        z.object({ user: z.string(), role: z.string(), token: z.string(), tokenId: z.string() }).openapi('UserAdded'),
        'created: the token is shown this once, stored only hashed',
      ),
      ...problems(...SECURED, ...WITH_BODY, 'not-allowed', 'rejected'),
    },
  }),
  async (c) => {
    const b = c.req.valid('json');
    const r = await addUser(writer(c), b);
    return r.ok ? c.json({ ...r.value }, 201) : failureResponse(r.error);
  },
);

export const revokeUserRoute = defineRoute(
  ADMIN,
  createRoute({
    operationId: 'revokeUser',
    method: 'post',
    path: '/users/{name}/revoke',
    tags: ['users'],
    summary: 'Revoke a user and every token of it (`credence user revoke`)',
    request: { params: z.object({ name: Name.openapi({ param: { name: 'name', in: 'path' } }) }) },
    responses: {
      201: json(z.object({ user: z.string(), tokens: z.number().int() }).openapi('UserRevoked'), 'revoked'),
      ...problems(...SECURED, 'not-found', 'not-allowed'),
    },
  }),
  async (c) => {
    const { name } = c.req.valid('param');
    const r = await revokeUser(writer(c), name);
    // Its tokens stop at once here; other processes forget them within their token cache's time.
    if (r.ok) c.var.tokens.clear();
    return r.ok ? c.json({ ...r.value }, 201) : failureResponse(r.error);
  },
);
