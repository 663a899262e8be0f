export { bankAmount } from './amount';
export { parseCamt } from './camt';
export { type BankEncoding, decodeStatement } from './decode';
export { parseMt940 } from './mt940';
export { parse86 } from './mt940-86';
export {
  BANK_FORMATS,
  type BankFormat,
  type BankReadOptions,
  detectBankFormat,
  parseBankStatement,
} from './parse-statement';
export { type BankParseError, type BankParseResult, bankErrorText } from './result';
