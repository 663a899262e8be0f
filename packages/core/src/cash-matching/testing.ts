// The synthetic statements and names the matcher is measured on, for the store-level measurement and the
// benchmark in other packages (`@credence/core/cash-matching/testing`); not used by any product code.
export { Rng } from '../random/prng';
export { type SyntheticCase, syntheticStatement, type Truth } from './synthetic.test-support';
export { asBankWrites, companyNames, ibanFor, strangerName } from './synthetic-names.test-support';
