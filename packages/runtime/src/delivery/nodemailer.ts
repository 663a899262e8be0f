import { createRequire } from 'node:module';
import type * as Nodemailer from 'nodemailer';

const require = createRequire(import.meta.url);

/**
 * nodemailer, loaded on first use rather than at start-up (about 0.1 s that every other command would pay).
 * Synchronous, because couriers are built synchronously; `require` loads the package's CommonJS build.
 */
export const nodemailer = (): typeof Nodemailer => require('nodemailer') as typeof Nodemailer;
