export { DocumentFinder, documentKey } from './documents';
export { createMatcher, matchBankLine } from './matcher';
export { jaroWinkler, nameScore, normaliseName } from './names';
export { identifyPayer, payerByName } from './payer';
export * from './policy';
export * from './rf';
export * from './types';
