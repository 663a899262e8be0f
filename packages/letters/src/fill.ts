import { TemplateError, type Templates } from './load-templates';

const SLOT = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholder names a message uses, in order of first use. */
export function placeholders(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(SLOT), (m) => m[1] ?? ''))];
}

/** A message with its {placeholders} filled; an unknown key or an unfilled placeholder is a TemplateError. */
export function message(templates: Templates, key: string, values: Readonly<Record<string, string>> = {}): string {
  const text = templates.messages.get(key);
  if (text === undefined) throw new TemplateError(templates.file, `message "${key}" is missing`);
  return text.replace(SLOT, (_, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) throw new TemplateError(templates.file, `message "${key}" uses {${name}}, unknown there`);
    return value;
  });
}
