/** A node of fast-xml-parser's tree: an object of children, a text, or an element with attributes and `#text`. */
export type XmlNode = unknown;

const isObject = (n: unknown): n is Record<string, unknown> => typeof n === 'object' && n !== null;

/** The children named `key`, always as a list (one child is not wrapped by the parser unless told). */
export function all(node: XmlNode, key: string): XmlNode[] {
  if (!isObject(node) || Array.isArray(node)) return [];
  const v = node[key];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/** The first child at a path of names (`at(n, 'Acct', 'Id', 'IBAN')`). */
export function at(node: XmlNode, ...path: string[]): XmlNode {
  let n: XmlNode = node;
  for (const key of path) {
    n = all(n, key)[0];
    if (n === undefined) return undefined;
  }
  return n;
}

/** An element's text, trimmed; undefined when absent or empty. */
export function text(node: XmlNode): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') {
    const t = String(node).trim();
    return t === '' ? undefined : t;
  }
  if (isObject(node) && '#text' in node) return text(node['#text']);
  return undefined;
}

/** The text at a path. */
export const textAt = (node: XmlNode, ...path: string[]): string | undefined => text(at(node, ...path));

/** An attribute of an element (the parser's `@_` prefix). */
export function attr(node: XmlNode, name: string): string | undefined {
  return isObject(node) ? text(node[`@_${name}`]) : undefined;
}
