import type { NameStyle } from './names';

/** A country buyers come from: how common it is, the currencies it is invoiced in, its habits. */
export interface CountryProfile {
  readonly code: string;
  readonly weight: number;
  readonly language: string;
  readonly currencies: readonly (readonly [string, number])[];
  readonly terms: readonly (readonly [number, number])[];
  readonly names: NameStyle;
  readonly legalForms: readonly string[];
  /** '#' is a random digit. */
  readonly legalIdFormat: string;
  readonly region: Region;
}

export type Region = 'dach' | 'west' | 'north_east' | 'south' | 'uk_ie' | 'americas' | 'apac';

const T30 = [
  [30, 6],
  [45, 2],
  [60, 1],
] as const;
const T60 = [
  [30, 1],
  [45, 2],
  [60, 5],
  [90, 3],
] as const;
const T45 = [
  [30, 3],
  [45, 4],
  [60, 2],
] as const;

/** Twenty countries; the weights give roughly a German exporter's customer mix. */
export const COUNTRIES: readonly CountryProfile[] = [
  {
    code: 'DE',
    weight: 18,
    language: 'de',
    currencies: [['EUR', 1]],
    terms: T30,
    names: 'de',
    legalForms: ['GmbH', 'AG', 'GmbH & Co. KG', 'KG', 'SE'],
    legalIdFormat: 'DE#########',
    region: 'dach',
  },
  {
    code: 'FR',
    weight: 10,
    language: 'fr',
    currencies: [['EUR', 1]],
    terms: T45,
    names: 'fr',
    legalForms: ['SA', 'SAS', 'SARL'],
    legalIdFormat: 'FR###########',
    region: 'west',
  },
  {
    code: 'IT',
    weight: 8,
    language: 'it',
    currencies: [['EUR', 1]],
    terms: T60,
    names: 'it',
    legalForms: ['S.p.A.', 'S.r.l.'],
    legalIdFormat: 'IT###########',
    region: 'south',
  },
  {
    code: 'ES',
    weight: 6,
    language: 'es',
    currencies: [['EUR', 1]],
    terms: T60,
    names: 'es',
    legalForms: ['S.A.', 'S.L.'],
    legalIdFormat: 'ESB########',
    region: 'south',
  },
  {
    code: 'NL',
    weight: 6,
    language: 'nl',
    currencies: [['EUR', 1]],
    terms: T30,
    names: 'nl',
    legalForms: ['B.V.', 'N.V.'],
    legalIdFormat: 'NL#########B01',
    region: 'west',
  },
  {
    code: 'BE',
    weight: 4,
    language: 'fr',
    currencies: [['EUR', 1]],
    terms: T45,
    names: 'fr',
    legalForms: ['SA', 'SRL'],
    legalIdFormat: 'BE0#########',
    region: 'west',
  },
  {
    code: 'AT',
    weight: 4,
    language: 'de',
    currencies: [['EUR', 1]],
    terms: T30,
    names: 'de',
    legalForms: ['GmbH', 'AG'],
    legalIdFormat: 'ATU########',
    region: 'dach',
  },
  {
    code: 'CH',
    weight: 4,
    language: 'de',
    currencies: [
      ['CHF', 3],
      ['EUR', 1],
    ],
    terms: T30,
    names: 'de',
    legalForms: ['AG', 'GmbH'],
    legalIdFormat: 'CHE-###.###.###',
    region: 'dach',
  },
  {
    code: 'PL',
    weight: 4,
    language: 'pl',
    currencies: [
      ['PLN', 2],
      ['EUR', 1],
    ],
    terms: T45,
    names: 'pl',
    legalForms: ['Sp. z o.o.', 'S.A.'],
    legalIdFormat: 'PL##########',
    region: 'north_east',
  },
  {
    code: 'SE',
    weight: 3,
    language: 'sv',
    currencies: [
      ['SEK', 2],
      ['EUR', 1],
    ],
    terms: T30,
    names: 'sv',
    legalForms: ['AB'],
    legalIdFormat: 'SE############',
    region: 'north_east',
  },
  {
    code: 'GB',
    weight: 8,
    language: 'en',
    currencies: [['GBP', 1]],
    terms: T30,
    names: 'en',
    legalForms: ['Ltd', 'PLC'],
    legalIdFormat: 'GB#########',
    region: 'uk_ie',
  },
  {
    code: 'IE',
    weight: 2,
    language: 'en',
    currencies: [['EUR', 1]],
    terms: T30,
    names: 'en',
    legalForms: ['Ltd', 'DAC'],
    legalIdFormat: 'IE#######A',
    region: 'uk_ie',
  },
  {
    code: 'US',
    weight: 10,
    language: 'en',
    currencies: [['USD', 1]],
    terms: T30,
    names: 'en',
    legalForms: ['Inc.', 'LLC', 'Corp.'],
    legalIdFormat: '##-#######',
    region: 'americas',
  },
  {
    code: 'CA',
    weight: 1,
    language: 'en',
    currencies: [['USD', 1]],
    terms: T30,
    names: 'en',
    legalForms: ['Inc.', 'Ltd.'],
    legalIdFormat: '#########RC0001',
    region: 'americas',
  },
  {
    code: 'MX',
    weight: 1,
    language: 'es',
    currencies: [['USD', 1]],
    terms: T60,
    names: 'es',
    legalForms: ['S.A. de C.V.'],
    legalIdFormat: 'MEX######A##',
    region: 'americas',
  },
  {
    code: 'BR',
    weight: 1,
    language: 'pt',
    currencies: [['USD', 1]],
    terms: T60,
    names: 'pt',
    legalForms: ['Ltda.', 'S.A.'],
    legalIdFormat: '##.###.###/0001-##',
    region: 'americas',
  },
  {
    code: 'CN',
    weight: 6,
    language: 'zh',
    currencies: [
      ['CNY', 3],
      ['USD', 1],
    ],
    terms: T60,
    names: 'zh',
    legalForms: [''],
    legalIdFormat: '91##############',
    region: 'apac',
  },
  {
    code: 'JP',
    weight: 4,
    language: 'ja',
    currencies: [['JPY', 1]],
    terms: T60,
    names: 'ja',
    legalForms: [''],
    legalIdFormat: '#############',
    region: 'apac',
  },
  {
    code: 'KR',
    weight: 1,
    language: 'ko',
    currencies: [['USD', 1]],
    terms: T45,
    names: 'ko',
    legalForms: [''],
    legalIdFormat: '###-##-#####',
    region: 'apac',
  },
  {
    code: 'SG',
    weight: 1,
    language: 'en',
    currencies: [['USD', 1]],
    terms: T30,
    names: 'en',
    legalForms: ['Pte. Ltd.'],
    legalIdFormat: '#########K',
    region: 'apac',
  },
];

/** Roughly how many units of the currency one euro buys, to size invoices; the FX table walks from these. */
export const EUR_PER_UNIT: Readonly<Record<string, { readonly coefficient: bigint; readonly scale: number }>> = {
  EUR: { coefficient: 1n, scale: 0 },
  USD: { coefficient: 921500n, scale: 6 },
  GBP: { coefficient: 1168200n, scale: 6 },
  CHF: { coefficient: 1041300n, scale: 6 },
  PLN: { coefficient: 231400n, scale: 6 },
  SEK: { coefficient: 87250n, scale: 6 },
  CNY: { coefficient: 127640n, scale: 6 },
  JPY: { coefficient: 613800n, scale: 8 },
};
