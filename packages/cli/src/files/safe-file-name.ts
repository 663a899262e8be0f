// File names made from data live with the couriers that also need them, in @credence/runtime.
export { fileInside, MAX_FILE_NAME, safeFileName, safePath } from '@credence/runtime';
