/** Small readers for raw RFC 822 / MIME text as it arrives at a server (nodemailer ships no parser). */

export interface MimePart {
  readonly headers: string;
  readonly body: string;
}

/** Splits a message (or part) at the first blank line into its header block and its body. */
export function splitPart(raw: string): MimePart {
  const at = raw.search(/\r?\n\r?\n/);
  if (at < 0) return { headers: raw, body: '' };
  return { headers: raw.slice(0, at), body: raw.slice(at).replace(/^\r?\n\r?\n/, '') };
}

/** The unfolded value of the first header field `name` in a header block, undefined when absent. */
export function header(headers: string, name: string): string | undefined {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** Decodes RFC 2047 encoded words (B and Q); the bytes of adjacent words join before UTF-8 decoding. */
export function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  return value.replace(/(\?=)\s+(?==\?)/g, '$1').replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=)+/g, (run) => {
    const bytes = [...run.matchAll(word)].map(([, , enc, text = '']) =>
      enc?.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : qBytes(text),
    );
    return Buffer.concat(bytes).toString('utf8');
  });
}

function qBytes(text: string): Buffer {
  return hexEscapes(text.replace(/_/g, ' '));
}

/** Latin-1 text with =XX escapes as bytes. */
function hexEscapes(text: string): Buffer {
  const decoded = text.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(decoded, 'latin1');
}

/** The leaf parts of a message, depth first, descending into every multipart/* by its boundary. */
export function leafParts(raw: string): MimePart[] {
  const part = splitPart(raw);
  const type = header(part.headers, 'Content-Type') ?? '';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!/^multipart\//i.test(type) || !boundary) return [part];
  const sections = part.body.split(`--${boundary}`).slice(1, -1);
  return sections.flatMap((s) => leafParts(s.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
}

/** The bytes of a part's body after its Content-Transfer-Encoding (base64, quoted-printable or none). */
export function bodyBytes(part: MimePart): Buffer {
  const encoding = header(part.headers, 'Content-Transfer-Encoding')?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') return hexEscapes(part.body.replace(/=\r?\n/g, ''));
  return Buffer.from(part.body, 'latin1');
}
