import { readdir } from 'node:fs/promises';
import { INTEREST_REGIMES, type InterestBasis, LETTER_LANGUAGES, type Letter } from '@credence/app';
import { describe, expect, it } from 'vitest';
import { composeLetter } from './compose';
import { message, placeholders } from './fill';
import { formatAmount, formatDate, isZero } from './format';
import { renderHtml } from './html';
import { loadTemplates, shippedTemplatesDir, type Templates } from './load-templates';
import { sampleLetter } from './sample-letter';
import { renderText } from './text';

const LANGUAGES = LETTER_LANGUAGES;
const REGIMES = INTEREST_REGIMES;
const STEPS: readonly Letter['nextStep'][] = ['email', 'letter', 'call', 'credit_hold', 'agency', 'legal', 'none'];
const all = async () => Promise.all(LANGUAGES.map((l) => loadTemplates(l)));

/** Every way one language's messages differ from the reference: keys, placeholders, and stray braces. */
function differences(reference: Templates, other: Templates): string[] {
  const problems: string[] = [];
  const name = other.language;
  for (const key of reference.messages.keys())
    if (!other.messages.has(key)) problems.push(`${name}: key ${key} is missing`);
  for (const [key, text] of other.messages) {
    const ref = reference.messages.get(key);
    if (ref === undefined) {
      problems.push(`${name}: key ${key} is not in en.json`);
      continue;
    }
    const want = new Set(placeholders(ref));
    const have = new Set(placeholders(text));
    for (const p of want) if (!have.has(p)) problems.push(`${name}: ${key} lacks {${p}}`);
    for (const p of have) if (!want.has(p)) problems.push(`${name}: ${key} has {${p}}, which en.json has not`);
    if (/[{}]/.test(text.replace(/\{[A-Za-z][A-Za-z0-9]*\}/g, ''))) problems.push(`${name}: ${key} has a stray brace`);
  }
  return problems;
}

describe('letter templates', () => {
  it('ship exactly one file per letter language', async () => {
    const files = (await readdir(shippedTemplatesDir())).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(LANGUAGES.map((l) => `${l}.json`).sort());
  });

  it('have the keys of en.json and, per key, the same placeholders', async () => {
    const templates = await all();
    const en = templates.find((t) => t.language === 'en');
    if (!en) throw new Error('no en.json');
    expect(templates.flatMap((t) => differences(en, t))).toEqual([]);
    expect([...en.messages.values()].every((m) => m.trim().length > 0)).toBe(true);
  });

  it('the comparison catches missing and extra keys, placeholders and braces', async () => {
    const en = await loadTemplates('en');
    const broken = new Map(en.messages);
    broken.delete('dispute');
    broken.set('footer.extra', 'x');
    broken.set('payment.deadline', 'Pay by {deadline} to {iban}.');
    broken.set('nextStep.email', 'By {deadline we write again.');
    expect(differences(en, { ...en, language: 'fr', messages: broken })).toEqual([
      'fr: key dispute is missing',
      'fr: payment.deadline lacks {reference}',
      'fr: payment.deadline has {iban}, which en.json has not',
      'fr: nextStep.email lacks {deadline}',
      'fr: nextStep.email has a stray brace',
      'fr: key footer.extra is not in en.json',
    ]);
  });
});

describe.each(LANGUAGES)('letters in %s', (language) => {
  it.each(['overdue', 'preDue', 'agency'] as const)(
    'state every fact of the %s sample, no placeholder left',
    async (variant) => {
      const templates = await loadTemplates(language);
      const letter = sampleLetter(language, variant);
      const { subject, text } = renderText(letter, templates);
      const html = renderHtml(letter, templates);
      for (const out of [subject + text, html]) {
        expect(out).not.toMatch(/\{[^}]*\}/);
        for (const fact of facts(letter)) expect(out).toContain(fact);
      }
      expect(subject).toContain(letter.id);
    },
  );

  it('set every credit off, between the documents and the totals; without credits, no credits section', async () => {
    const templates = await loadTemplates(language);
    const letter = sampleLetter(language);
    expect(letter.credits.map((c) => c.kind)).toEqual(['credit_note', 'unapplied_cash']);
    const intro = message(templates, 'credits.intro');
    const less = message(templates, 'totals.credits');
    const rows = letter.credits.map((c): [string, string] => [
      c.kind === 'credit_note'
        ? message(templates, 'credits.creditNote', {
            reference: c.reference ?? '',
            date: formatDate(c.date ?? letter.date, language),
          })
        : message(templates, 'credits.unapplied'),
      formatAmount(c.amount, c.currency, language),
    ]);
    const credited = letter.totals.filter((t) => !isZero(t.credits));
    expect(credited.length).toBe(1);
    for (const out of [renderText(letter, templates).text, renderHtml(letter, templates)]) {
      const at = (s: string) => out.indexOf(s);
      const lastDocument = Math.max(...letter.lines.map((l) => at(l.number)));
      const firstTotals = at(message(templates, 'totals.heading', { currency: letter.totals[0]?.currency ?? '' }));
      expect(at(intro)).toBeGreaterThan(lastDocument);
      expect(at(intro)).toBeLessThan(firstTotals);
      for (const [label, amount] of rows) {
        expect(at(label)).toBeGreaterThan(at(intro));
        expect(out.slice(at(label), firstTotals)).toContain(amount);
      }
      expect(out.split(less).length - 1).toBe(credited.length);
    }

    const none = sampleLetter(language, 'preDue');
    expect(none.credits).toEqual([]);
    expect(composeLetter(none, templates).credits).toBeUndefined();
    const creditNote = templates.messages.get('credits.creditNote')?.split('{')[0]?.trim() ?? '';
    expect(creditNote.length).toBeGreaterThan(1);
    for (const out of [renderText(none, templates).text, renderHtml(none, templates)])
      for (const gone of [intro, less, creditNote, message(templates, 'credits.unapplied')])
        expect(out).not.toContain(gone);
  });

  it('have a clause for every interest regime and a sentence for every next step', async () => {
    const templates = await loadTemplates(language);
    const base = sampleLetter(language);
    const texts = [
      ...REGIMES.map((regime) => {
        const interestBasis: InterestBasis = { regime, contractRate: '9.5%/year' };
        return composeLetter({ ...base, interestBasis }, templates).interest;
      }),
      ...STEPS.map((nextStep) => composeLetter({ ...base, nextStep }, templates).nextStep),
      ...(['reminder', 'warning', 'final'] as const).map((tone) => composeLetter({ ...base, tone }, templates).subject),
      composeLetter(sampleLetter(language, 'agency'), templates).subject,
    ];
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.join('\n')).toMatch(/9[.,]5 ?%/);
    expect(texts.join('\n')).not.toMatch(/[{}]/);
  });
});

/** What a reader must find in the letter: parties, account, documents, credits, dates and amounts, as displayed. */
function facts(letter: Letter): string[] {
  const lang = letter.language;
  const account = letter.creditor.bankAccount;
  const charged = (k: 'interest' | 'compensation') => letter.lines.some((l) => !isZero(l[k]));
  return [
    letter.creditor.name,
    letter.debtor.name,
    letter.id,
    account.iban ?? account.accountNumber ?? '',
    formatDate(letter.deadline, lang),
    ...letter.lines.flatMap((l) => [
      l.number,
      formatDate(l.dueDate, lang),
      formatAmount(l.outstanding, l.currency, lang),
      ...(charged('interest') ? [formatAmount(l.interest, l.currency, lang)] : []),
      ...(charged('compensation') ? [formatAmount(l.compensation, l.currency, lang)] : []),
    ]),
    ...letter.credits.flatMap((c) => [...(c.reference ? [c.reference] : []), formatAmount(c.amount, c.currency, lang)]),
    ...letter.totals.flatMap((t) => [
      formatAmount(t.outstanding, t.currency, lang),
      ...(isZero(t.credits) ? [] : [formatAmount(`-${t.credits}`, t.currency, lang)]),
      formatAmount(t.total, t.currency, lang),
    ]),
  ];
}

describe('letter openings', () => {
  it('speak of earlier reminders only when there were some', async () => {
    for (const language of LANGUAGES) {
      const t = await loadTemplates(language);
      for (const tone of ['warning', 'final'] as const) {
        const base = { ...sampleLetter(language), tone };
        const later = composeLetter({ ...base, firstLetter: false }, t).opening;
        const first = composeLetter({ ...base, firstLetter: true }, t).opening;
        expect(first).toBe(t.messages.get(`opening.${tone}First`));
        expect(later).toBe(t.messages.get(`opening.${tone}`));
        expect(first).not.toBe(later);
      }
    }
    const en = await loadTemplates('en');
    expect(composeLetter({ ...sampleLetter('en'), tone: 'final', firstLetter: true }, en).opening).not.toMatch(
      /reminder/i,
    );
  });

  it('give the agency level its own title and opening, not the final demand’s, in every language', async () => {
    for (const language of LANGUAGES) {
      const t = await loadTemplates(language);
      const agency = sampleLetter(language, 'agency');
      expect(agency.tone).toBe('final');
      const c = composeLetter(agency, t);
      const final = composeLetter({ ...agency, channel: 'letter' }, t);
      expect(c.subject).toBe(message(t, 'subject.agency', { creditor: agency.creditor.name, reference: agency.id }));
      expect(c.subject).not.toBe(final.subject);
      expect(c.opening).toBe(t.messages.get('opening.agency'));
      expect(composeLetter({ ...agency, firstLetter: true }, t).opening).toBe(t.messages.get('opening.agencyFirst'));
    }
  });
});

describe('the interest and compensation clause', () => {
  const en = () => loadTemplates('en');
  const eurOnly = (letter: Letter): Letter => ({ ...letter, lines: letter.lines.filter((l) => l.currency === 'EUR') });
  const usdOnly = (letter: Letter): Letter => ({ ...letter, lines: letter.lines.filter((l) => l.currency === 'USD') });

  it('says what the interest covers, and cites the EUR 40 only for euro invoices that are charged it', async () => {
    const t = await en();
    const letter = sampleLetter('en'); // EU regime, EUR and USD documents; the USD ones carry no compensation
    expect(letter.lines.filter((l) => l.currency === 'USD').every((l) => isZero(l.compensation))).toBe(true);
    const clause = composeLetter(letter, t).interest;
    expect(clause).toContain(message(t, 'interest.eu'));
    expect(clause).toContain(message(t, 'interest.covers', { date: '15 March 2026' }));
    expect(clause).toContain(message(t, 'compensation.eu'));
    expect(composeLetter(eurOnly(letter), t).interest).toContain('EUR 40');
    // Only USD invoices: the directive gives nothing in USD, so the letter does not mention EUR 40 at all.
    expect(composeLetter(usdOnly(letter), t).interest).not.toContain('EUR 40');
    expect(composeLetter(usdOnly(letter), t).interest).toContain(
      message(t, 'interest.covers', { date: '15 March 2026' }),
    );
  });

  it('without a reference rate: reserves the interest and still states the compensation it charges', async () => {
    const t = await en();
    const base = sampleLetter('en');
    const letter: Letter = {
      ...base,
      interestMissing: ['ecb 2026-H1'],
      lines: base.lines.map((l) => ({ ...l, interest: '0.00' })),
    };
    const clause = composeLetter(letter, t).interest;
    expect(clause).toBe(`${message(t, 'interest.none')} ${message(t, 'compensation.eu')}`);
  });

  it('cites no compensation under a regime without one (contract, CN)', async () => {
    for (const language of ['zh-CN', 'zh-TW'] as const) {
      const t = await loadTemplates(language);
      const letter = sampleLetter(language);
      expect(letter.lines.every((l) => isZero(l.compensation))).toBe(true);
      const clause = composeLetter(letter, t).interest;
      const { headers } = composeLetter(letter, t).table;
      expect(headers).toContain(message(t, 'table.interest'));
      expect(headers).not.toContain(message(t, 'table.compensation'));
      for (const regime of ['eu', 'uk', 'de-b2b', 'fr'])
        expect(clause).not.toContain(message(t, `compensation.${regime}`));
    }
  });
});

describe('one letter per buyer, items at their own levels', () => {
  it('names each line’s stage and says that courtesy lines are not demanded, in every language', async () => {
    for (const language of LANGUAGES) {
      const t = await loadTemplates(language);
      const base = sampleLetter(language);
      const [a, b, c] = base.lines;
      if (!a || !b || !c) throw new Error('sample letter too short');
      const letter: Letter = {
        ...base,
        tone: 'final',
        lines: [
          { ...a, level: { id: 'final', tone: 'final', channel: 'letter' } },
          { ...b, level: { id: 'friendly', tone: 'reminder', channel: 'email' } },
          { ...c, daysOverdue: -5, courtesy: true, level: { id: 'pre_due', tone: 'reminder', channel: 'email' } },
        ],
      };
      const composed = composeLetter(letter, t);
      expect(composed.table.headers[2]).toBe(t.messages.get('table.level'));
      expect(composed.table.rows.map((r) => r[2])).toEqual(
        ['stage.final', 'stage.reminder', 'stage.courtesy'].map((k) => t.messages.get(k)),
      );
      expect(composed.opening.endsWith(t.messages.get('opening.courtesy') ?? '?')).toBe(true);
      // Without courtesy lines, no such sentence; an agency line is named as such.
      const plain = composeLetter(
        { ...letter, lines: [{ ...a, level: { id: 'agency', tone: 'final', channel: 'agency' } }] },
        t,
      );
      expect(plain.opening).toBe(t.messages.get('opening.final'));
      expect(plain.table.rows[0]?.[2]).toBe(t.messages.get('stage.agency'));
    }
  });
});
