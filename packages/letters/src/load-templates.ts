import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LetterLanguage } from '@credence/app';
import { lettersPath } from './package-dir';

/** The shipped templates' directory (packages/letters/templates), one JSON file per language. */
export const shippedTemplatesDir = (): string => lettersPath('templates');

/** One language's messages, keyed "group.name" (a template file is nested one level at most). */
export interface Templates {
  readonly language: LetterLanguage;
  readonly file: string;
  readonly messages: ReadonlyMap<string, string>;
}

/** A template file that cannot be used: missing, not JSON, the wrong shape, or a message it lacks. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`letter template ${file}: ${reason}`);
    this.name = 'TemplateError';
  }
}

/** One language's templates from `dir` (default: the shipped ones); a TemplateError names the file and the problem. */
export async function loadTemplates(language: LetterLanguage, dir: string = shippedTemplatesDir()): Promise<Templates> {
  const file = join(dir, `${language}.json`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new TemplateError(file, `no template file for language "${language}"`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new TemplateError(file, `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return { language, file, messages: flatten(file, json) };
}

function flatten(file: string, json: unknown): Map<string, string> {
  const messages = new Map<string, string>();
  if (!isObject(json)) throw new TemplateError(file, 'must be a JSON object of messages');
  for (const [group, value] of Object.entries(json)) {
    if (typeof value === 'string') {
      messages.set(group, value);
      continue;
    }
    if (!isObject(value)) throw new TemplateError(file, `"${group}" must be a string or an object of strings`);
    for (const [name, text] of Object.entries(value)) {
      if (typeof text !== 'string') throw new TemplateError(file, `"${group}.${name}" must be a string`);
      messages.set(`${group}.${name}`, text);
    }
  }
  return messages;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
