/**
 * The readable reference (`GET /api/v1/docs`): plain HTML rendered from the OpenAPI document itself, so it
 * works offline (no script, no CDN) and cannot drift from the routes.
 */
interface Doc {
  readonly info: { readonly title: string; readonly version: string; readonly description?: string };
  readonly paths?: Record<string, Record<string, Operation> | undefined>;
}
interface Operation {
  readonly summary?: string;
  readonly description?: string;
  readonly operationId?: string;
  readonly security?: unknown[];
  readonly parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  readonly requestBody?: { content?: Record<string, { schema?: unknown }> };
  readonly responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
  readonly 'x-roles'?: readonly string[];
}

const esc = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Prose of the document (markdown in OpenAPI): escaped, with its `code` spans shown as code. */
const prose = (s: string): string => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

const schemaText = (s: unknown): string => esc(JSON.stringify(s, null, 2));

function operationHtml(path: string, method: string, op: Operation): string {
  const params = (op.parameters ?? [])
    .map(
      (p) =>
        `<li><code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ', required' : ''})${p.description ? ` — ${prose(p.description)}` : ''}</li>`,
    )
    .join('');
  const body = op.requestBody?.content?.['application/json']?.schema;
  const responses = Object.entries(op.responses ?? {})
    .map(([status, r]) => {
      const [type, c] = Object.entries(r.content ?? {})[0] ?? [];
      return `<li><b>${esc(status)}</b> ${prose(r.description ?? '')}${type ? ` <code>${esc(type)}</code>` : ''}${
        c?.schema && status.startsWith('2')
          ? `<details><summary>schema</summary><pre>${schemaText(c.schema)}</pre></details>`
          : ''
      }</li>`;
    })
    .join('');
  const roles = op['x-roles'];
  return `<section id="${esc(op.operationId ?? path)}">
<h3><span class="m">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${prose(op.summary ?? '')}</p>${op.description ? `<p>${prose(op.description)}</p>` : ''}
<p>Roles: ${roles ? roles.map((r) => `<code>${esc(r)}</code>`).join(' ') : 'public (no token)'}</p>
${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ''}
${body ? `<h4>Request body</h4><pre>${schemaText(body)}</pre>` : ''}
<h4>Responses</h4><ul>${responses}</ul>
</section>`;
}

export function referencePage(doc: unknown): string {
  const d = doc as Doc;
  const ops = Object.entries(d.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item ?? {}).map(([method, op]) => operationHtml(path, method, op)),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(d.info.title)} ${esc(d.info.version)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
pre{background:#f5f5f5;padding:.5rem;overflow:auto;font-size:.85em}.m{font-family:monospace;background:#234;color:#fff;padding:0 .3em}
section{border-top:1px solid #ddd;margin-top:1.5rem}</style></head>
<body><h1>${esc(d.info.title)} <small>${esc(d.info.version)}</small></h1>
<p>${prose(d.info.description ?? '')}</p>
<p>The machine-readable document: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1). Base path <code>/api/v1</code>.</p>
${ops.join('\n')}
</body></html>`;
}
