export { cellText, excelDate, excelNumber } from './excel-values';
export { checkHeader, FileReadError, type ReadOptions, type ReadProgress } from './file-error';
export { readMappingFile } from './mapping-file';
export { type OpenOptions, openRows } from './open-rows';
export { type Progress, progressBar } from './progress';
export { openArff } from './read-arff';
export { type CsvOptions, openCsv } from './read-csv';
export { openXlsx, type XlsxOptions } from './read-xlsx';
export { fileInside, MAX_FILE_NAME, safeFileName, safePath } from './safe-file-name';
