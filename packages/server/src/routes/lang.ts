import { parseReasonLocale, REASON_LOCALES, type ReasonLocale, type ReasonMessage, renderReason } from '@credence/core';
import { z } from '@hono/zod-openapi';

/** `?lang=` of the routes that give reasons in words (core/reasons catalogs); default en. */
export const LangQuery = z.object({
  lang: z
    .string()
    .refine((s) => parseReasonLocale(s) !== undefined, { message: `choose ${REASON_LOCALES.join(', ')}` })
    .optional()
    .openapi({ param: { name: 'lang', in: 'query' }, description: `${REASON_LOCALES.join(', ')}; default en` }),
});

export const langOf = (q: { lang?: string | undefined }): ReasonLocale =>
  (q.lang === undefined ? undefined : parseReasonLocale(q.lang)) ?? 'en';

/** A reason as the API gives it: the code, its parameters, and the sentence in the language asked for. */
export const Reason = z
  .object({
    code: z.string(),
    params: z.record(z.string(), z.unknown()),
    text: z
      .string()
      .openapi({ description: 'the sentence in the language asked for, its dates and figures written for it' }),
  })
  .openapi('Reason');

/**
 * A reason's sentence for people, in the language asked for, its dates written as that language writes them (en
 * "Jun 30, 2026", zh "2026年6月30日"), as the web workspace writes every other date; its `params` keep ISO dates.
 */
export const reasonText = (m: ReasonMessage, lang: ReasonLocale): string => renderReason(m, lang, { dates: 'locale' });
