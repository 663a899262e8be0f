import type { Region } from './countries';

export const INDUSTRIES: readonly (readonly [string, number])[] = [
  ['Automotive', 12],
  ['Machinery', 14],
  ['Chemicals', 8],
  ['Electronics', 10],
  ['Food & Beverage', 7],
  ['Construction', 8],
  ['Retail', 9],
  ['Logistics', 6],
  ['Textiles', 4],
  ['Pharmaceuticals', 4],
  ['Metals', 7],
  ['Packaging', 5],
  ['Energy', 3],
  ['Agriculture', 3],
];

/** Who sells to a region and who chases its overdue invoices. */
export const TEAM: Readonly<Record<Region, { readonly sales: readonly string[]; readonly collector: string }>> = {
  dach: { sales: ['Anna Keller', 'Jonas Brandt'], collector: 'Petra Vogel' },
  west: { sales: ['Marc Dupont', 'Sophie Janssens'], collector: 'Julien Martin' },
  south: { sales: ['Giulia Ferri', 'Pablo Ortega'], collector: 'Julien Martin' },
  north_east: { sales: ['Sofia Lindqvist', 'Tomasz Nowicki'], collector: 'Petra Vogel' },
  uk_ie: { sales: ['Tom Baker'], collector: 'Emma Clarke' },
  americas: { sales: ['Rachel Adams', 'Carlos Mendes'], collector: 'Emma Clarke' },
  apac: { sales: ['Li Wei', 'Yuki Tanaka'], collector: 'Chen Jing' },
};
