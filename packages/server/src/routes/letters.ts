import { type Letter, runDunning, sendBuyerLetter } from '@credence/app';
import { letterRenderer } from '@credence/letters';
import { createRoute, z } from '@hono/zod-openapi';
import { companyOf, dunningPolicyOf } from '../collecting';
import { AsOfQuery, asDate, BuyerParam } from '../conventions';
import type { ServerDeps } from '../deps';
import { failureResponse, problemResponse } from '../problem';
import { defineRoute, json, problems, SECURED, writer } from '../route';
import { COLLECTION } from './access';
import { notFoundBuyer } from './buyers';

/** The shipped templates, each language loaded once. */
const render = letterRenderer();

const PreviewQuery = AsOfQuery.extend({
  format: z
    .enum(['pdf', 'html'])
    .optional()
    .openapi({ param: { name: 'format', in: 'query' }, description: 'default pdf' }),
});

const LetterDocument = {
  200: {
    description: 'the letter',
    content: {
      'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
      'text/html': { schema: z.string() },
    },
  },
};

const fileName = (id: string, ext: string) => `${id.replace(/[^A-Za-z0-9._-]/g, '_')}.${ext}`;

/**
 * The letter of a buyer on a date: the one recorded by that day's run, else the one a run would send (a dry run,
 * nothing recorded; confirmed, so a first run's letter held beyond the first overdue level is shown too);
 * undefined when nothing is due.
 */
async function letterOf(deps: ServerDeps, buyerId: string, asOf: string): Promise<Letter | Response | undefined> {
  const company = companyOf(deps);
  if (!company.ok) return company.response;
  const recorded = (await deps.store.lettersOn(asDate(asOf))).find((r) => r.letter.debtor.id === buyerId);
  if (recorded) return recorded.letter;
  const run = await runDunning(deps.store, {
    asOf: asDate(asOf),
    policy: await dunningPolicyOf(deps),
    company: company.value,
    rates: deps.policies.rates,
    dryRun: true,
    confirm: true,
  });
  if (!run.ok) return failureResponse(run.error);
  return run.value.letters.find((r) => r.letter.debtor.id === buyerId)?.letter;
}

export const previewLetter = defineRoute(
  COLLECTION,
  createRoute({
    operationId: 'previewLetter',
    method: 'get',
    path: '/buyers/{id}/letter',
    tags: ['collections'],
    summary:
      "A buyer's dunning letter on a date, as PDF or HTML: the one recorded that day, else the one a run would send",
    request: { params: BuyerParam, query: PreviewQuery },
    responses: { ...LetterDocument, ...problems(...SECURED, 'not-found', 'rejected', 'missing-data') },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const asOf = q.asOf ?? c.var.deps.clock.today();
    if ((await c.var.deps.store.getBuyer(id)) === undefined) return notFoundBuyer(id);
    const letter = await letterOf(c.var.deps, id, asOf);
    if (letter instanceof Response) return letter;
    if (letter === undefined)
      return problemResponse('not-found', `no letter to ${id} on ${asOf}: nothing of it is due a dunning level`, {
        code: 'not_found',
        params: { what: 'letter', id },
      });
    return rendered(letter, q.format);
  },
);

/** A letter as the response: the PDF (default) or the HTML page. */
async function rendered(letter: Letter, format: 'pdf' | 'html' | undefined): Promise<Response> {
  if (format === 'html')
    return new Response(await render.html(letter), { headers: { 'content-type': 'text/html; charset=utf-8' } });
  return new Response(new Uint8Array(await render.pdf(letter)), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${fileName(letter.id, 'pdf')}"`,
    },
  });
}

export const getLetter = defineRoute(
  COLLECTION,
  createRoute({
    operationId: 'getLetter',
    method: 'get',
    path: '/letters/{letterId}',
    tags: ['collections'],
    summary: 'A letter a dunning run recorded, as PDF or HTML (as it was sent)',
    request: {
      params: z.object({
        letterId: z
          .string()
          .min(1)
          .max(200)
          .openapi({ param: { name: 'letterId', in: 'path' } }),
      }),
      query: z.object({ format: PreviewQuery.shape.format }),
    },
    responses: { ...LetterDocument, ...problems(...SECURED, 'not-found') },
  }),
  async (c) => {
    const { letterId } = c.req.valid('param');
    const [r] = await c.var.deps.store.findLetters([letterId]);
    if (r === undefined)
      return problemResponse('not-found', `no letter ${letterId}`, {
        code: 'not_found',
        params: { what: 'letter', id: letterId },
      });
    return rendered(r.letter, c.req.valid('query').format);
  },
);

const SentLetter = z
  .object({
    letterId: z.string(),
    buyerId: z.string(),
    date: z.string(),
    level: z.string(),
    channel: z.string(),
    language: z.string(),
    deadline: z.string(),
    documents: z.array(z.string()),
  })
  .openapi('SentLetter');

export const sendLetter = defineRoute(
  COLLECTION,
  createRoute({
    operationId: 'sendLetter',
    method: 'post',
    path: '/buyers/{id}/letter',
    tags: ['collections'],
    summary:
      "Send a buyer's next letter today, out of the day's run: the letter GET previews, recorded with its outbox",
    description:
      'Records the letter a run of today would send this buyer (as a live run does: the letter and its outbox ' +
      "entries, delivered by the worker). 409 `already_sent` when today's letter is recorded; 404 when nothing is due.",
    request: { params: BuyerParam },
    responses: {
      201: json(SentLetter, 'recorded: the outbox delivers it'),
      ...problems(...SECURED, 'not-found', 'not-allowed', 'conflict', 'rejected', 'missing-data'),
    },
  }),
  async (c) => {
    const { deps } = c.var;
    const { id } = c.req.valid('param');
    const company = companyOf(deps);
    if (!company.ok) return company.response;
    const r = await sendBuyerLetter(
      writer(c),
      { buyerId: id, policy: await dunningPolicyOf(deps), company: company.value, rates: deps.policies.rates },
      deps.clock.today(),
    );
    if (!r.ok) return failureResponse(r.error);
    const l = r.value.letter;
    return c.json(
      {
        letterId: l.id,
        buyerId: l.debtor.id,
        date: l.date,
        level: l.levelId,
        channel: l.channel,
        language: l.language,
        deadline: l.deadline,
        documents: l.lines.map((x) => x.number),
      },
      201,
    );
  },
);
