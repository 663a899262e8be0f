export { ENCODING_NAMES, type Encoding, encodingNamed } from './encoding';
export { cellText, excelDate, excelNumber } from './excel-values';
export { checkHeader, FileReadError, type ReadOptions, type ReadProgress } from './file-error';
export { readMappingFile } from './mapping-file';
export { type OpenOptions, openRows, readingNotes } from './open-rows';
export { type Progress, progressBar } from './progress';
export { openArff } from './read-arff';
export { type CsvOptions, type CsvSource, openCsv } from './read-csv';
export { openXlsx, type XlsxOptions } from './read-xlsx';
