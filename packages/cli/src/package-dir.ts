import { fileURLToPath } from 'node:url';

/**
 * A path inside packages/cli, for the files read at run time (config/, models/). This module sits
 * one level below the package root, and so does the build it is bundled into (dist/main.js and its chunks),
 * so `..` is the package root both when the sources run (tsx, vitest) and when the built CLI runs.
 */
export const cliPath = (relative: string): string => fileURLToPath(new URL(`../${relative}`, import.meta.url));
