/** The demo's creditor: a contractual late-payment rate in its terms of sale (statutory rates need the latest half-year's table). */
export const COMPANY = {
  name: 'Nordwerk Industriebedarf GmbH',
  address: ['Hafenstraße 12', '20457 Hamburg', 'Germany'],
  legalId: 'HRB 123456, Amtsgericht Hamburg',
  bankAccount: {
    bankName: 'Hamburger Sparkasse',
    accountName: 'Nordwerk Industriebedarf GmbH',
    iban: 'DE02 2005 0550 1015 8713 93',
    swift: 'HASPDEHHXXX',
  },
  contact: { name: 'Anna Berg', email: 'credit@nordwerk.example', phone: '+49 40 1234 5678' },
  language: 'en',
  interestRegime: 'contract',
  interestRate: '8%/year',
};
