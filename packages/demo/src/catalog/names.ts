import type { Rng } from '@credence/core';
import { JA, KO, LATIN, type NameStyle, ZH } from './name-words';

export type { NameStyle } from './name-words';

/** A plausible company name in the country's language and with one of its legal forms. */
export function companyName(rng: Rng, style: NameStyle, legalForms: readonly string[]): string {
  switch (style) {
    case 'zh':
      return `${rng.pick(ZH.cities)}${rng.pick(ZH.brands)}${rng.pick(ZH.trades)}${rng.pick(ZH.forms)}`;
    case 'ja': {
      const core = `${rng.pick(JA.stems)}${rng.pick(JA.trades)}`;
      return rng.chance(0.5) ? `株式会社${core}` : `${core}株式会社`;
    }
    case 'ko':
      return `(주)${rng.pick(KO.stems)}${rng.pick(KO.trades)}`;
    default: {
      const l = LATIN[style];
      const stem = rng.pick(l.stems);
      const trade = rng.pick(l.trades);
      const form = rng.pick(legalForms);
      const core = l.order === 'stem-trade' ? `${stem} ${trade}` : `${trade} ${stem}`;
      return form === '' ? core : `${core} ${form}`;
    }
  }
}

/** 'ap@mueller-maschinenbau.de.example' (legal form dropped); names without Latin letters use the buyer id. */
export function emailFor(name: string, legalForms: readonly string[], buyerId: string, country: string): string {
  const form = legalForms.find((f) => f !== '' && name.endsWith(` ${f}`));
  const slug = (form ? name.slice(0, -form.length - 1) : name)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 3)
    .join('-');
  const local = slug.length >= 3 ? slug : buyerId.toLowerCase();
  return `ap@${local}.${country.toLowerCase()}.example`;
}
