import { ROLES, setUserLanguage, USER_LANGUAGES } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, roleOf, SECURED, userOf, WITH_BODY, writer } from '../route';
import { EVERYONE } from './access';

const Language = z.enum(USER_LANGUAGES).openapi({ description: 'The language of the workspace', example: 'zh-CN' });

const Me = z
  .object({
    user: z.string().openapi({ example: 'anna' }),
    role: z.enum(ROLES),
    language: Language.optional().openapi({ description: 'The language the user chose, if any (PUT /me/language)' }),
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
    summary: 'The user, role and chosen language of the token sent (to check a token and decide what to offer)',
    responses: { 200: json(Me, 'who the token stands for'), ...problems(...SECURED) },
  }),
  async (c) => {
    const language = await c.var.deps.store.userLanguage(userOf(c));
    return c.json({ user: userOf(c), role: roleOf(c), ...(language !== undefined ? { language } : {}) }, 200);
  },
);

/** Remembers the caller's language: the workspace opens in it on any browser the user signs in from. */
export const setMyLanguage = defineRoute(
  EVERYONE,
  createRoute({
    operationId: 'setMyLanguage',
    method: 'put',
    path: '/me/language',
    tags: ['users'],
    summary: "Remember the caller's language for the workspace (en, zh-CN, zh-TW)",
    request: {
      body: { required: true, content: { 'application/json': { schema: z.object({ language: Language }) } } },
    },
    responses: {
      200: json(z.object({ user: z.string(), language: Language }).openapi('MyLanguage'), 'remembered'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found'),
    },
  }),
  async (c) => {
    const r = await setUserLanguage(writer(c), userOf(c), c.req.valid('json').language);
    return r.ok ? c.json({ ...r.value }, 200) : failureResponse(r.error);
  },
);
