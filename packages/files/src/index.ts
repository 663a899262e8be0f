// @credence/files: import files read as rows (app's `RowSource`), the same way for the CLI (a path) and the
// server (an upload's bytes): CSV in the encodings Credence reads (a BOM, UTF-8, named or detected), XLSX, ARFF;
// mapping files. Light at import: iconv-lite, chardet and exceljs load inside the functions that use them.

export {
  BANK_FORMATS,
  type BankEncoding,
  type BankFormat,
  type BankParseError,
  type BankParseResult,
  type BankReadOptions,
  bankErrorText,
  detectBankFormat,
  parseBankStatement,
} from './bank';
export { ENCODING_NAMES, type Encoding, encodingNamed } from './encoding';
export { cellText, excelDate, excelNumber } from './excel-values';
export { checkHeader, FileReadError, type ReadOptions, type ReadProgress } from './file-error';
export { readMappingFile } from './mapping-file';
export { type OpenOptions, openRows, readingNotes } from './open-rows';
export { openArff } from './read-arff';
export { type CsvOptions, type CsvSource, csvFromBytes, openCsv } from './read-csv';
export { openXlsx, type XlsxOptions, xlsxFromBytes } from './read-xlsx';
export { isXlsx, rowsFromUpload, type UploadOptions, XLSX_TYPE } from './upload';
