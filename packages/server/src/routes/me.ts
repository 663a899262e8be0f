import { ROLES } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { defineRoute, json, problems, roleOf, SECURED, userOf } from '../route';
import { EVERYONE } from './access';

const Me = z
  .object({
    user: z.string().openapi({ example: 'anna' }),
    role: z.enum(ROLES),
  })
  .openapi('Me');

/** The caller's user and role: what the web workspace shows and offers after signing in with a token. */
export const getMe = defineRoute(
  EVERYONE,
  createRoute({
    operationId: 'getMe',
    method: 'get',
    path: '/me',
    tags: ['users'],
    summary: 'The user and role of the token sent (to check a token and decide what to offer)',
    responses: { 200: json(Me, 'who the token stands for'), ...problems(...SECURED) },
  }),
  async (c) => c.json({ user: userOf(c), role: roleOf(c) }, 200),
);
