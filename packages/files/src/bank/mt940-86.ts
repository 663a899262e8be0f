// The German structured `:86:` (DFÜ-Abkommen / DK format) as WoLpH/mt940 (Python, BSD) reads it: a three-digit
// business transaction code (GVC), then `?NN` sub-fields: ?00 posting text, ?10 prima nota, ?20–?29 and ?60–?63
// purpose (remittance), ?30 the payer's bank code or BIC, ?31 their account or IBAN, ?32–?33 their name, ?34 the
// return key. Inside the purpose, SEPA keys (`_parse_mt940_gvcodes`): EREF+ end-to-end id, KREF+ customer
// reference, MREF+ mandate, CRED+ creditor id, SVWZ+ remittance, ABWA+ / ABWE+ ultimate parties, IBAN+ / BIC+.

export interface Details86 {
  readonly gvc?: string;
  readonly postingText?: string;
  readonly purpose: string;
  readonly bic?: string;
  readonly iban?: string;
  readonly name?: string;
  readonly returnKey?: string;
  /** SEPA keys found in the purpose: EREF, KREF, MREF, CRED, SVWZ, ABWA, ABWE, IBAN, BIC, … */
  readonly sepa: Readonly<Record<string, string>>;
}

const SEPA_KEYS = [
  'EREF',
  'KREF',
  'MREF',
  'CRED',
  'DEBT',
  'SVWZ',
  'ABWA',
  'ABWE',
  'IBAN',
  'BIC',
  'PURP',
  'COAM',
  'OAMT',
];
const SEPA_SPLIT = new RegExp(`(${SEPA_KEYS.join('|')}) ?\\+`, 'g');

/** The SEPA keys of a purpose text; text before the first key goes under ''. */
export function sepaKeys(purpose: string): Record<string, string> {
  const out: Record<string, string> = {};
  const marks = [...purpose.matchAll(SEPA_SPLIT)];
  if (marks.length === 0) return out;
  const head = purpose.slice(0, marks[0]?.index ?? 0).trim();
  if (head !== '') out[''] = head;
  marks.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = marks[i + 1]?.index ?? purpose.length;
    out[m[1] as string] = purpose.slice(start, end).trim();
  });
  return out;
}

/**
 * Reads a `:86:` field (its continuation lines already joined without a separator, as the bank splits a
 * sub-field anywhere). A field without `?NN` sub-fields is free text: all of it is the purpose.
 */
export function parse86(field: string): Details86 {
  const m = /^(\d{3})([^0-9A-Za-z\s])(.*)$/s.exec(field);
  if (m === null) return { purpose: field.trim(), sepa: sepaKeys(field) };
  const sep = m[2] as string;
  const subs = new Map<string, string[]>();
  for (const part of (m[3] as string).split(sep)) {
    if (part.length < 2) continue;
    const code = part.slice(0, 2);
    subs.set(code, [...(subs.get(code) ?? []), part.slice(2)]);
  }
  const join = (codes: readonly string[]) =>
    codes
      .flatMap((c) => subs.get(c) ?? [])
      .join('')
      .trim();
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'));
  const purpose = join([...range(20, 29), ...range(60, 63)]);
  const get = (c: string) => {
    const v = join([c]);
    return v === '' ? undefined : v;
  };
  const name = join(['32', '33']);
  const out = {
    gvc: m[1] as string,
    postingText: get('00'),
    purpose,
    bic: get('30'),
    iban: get('31'),
    name: name === '' ? undefined : name,
    returnKey: get('34'),
    sepa: sepaKeys(purpose),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as unknown as Details86;
}
