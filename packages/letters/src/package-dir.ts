import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let dir: string | undefined;

/**
 * A path inside packages/letters (the shipped templates). The package is found through Node's module resolution,
 * not relative to this file: the CLI bundles this code into packages/cli/dist, where `import.meta.url` no longer
 * lies inside packages/letters, but `@credence/letters` still resolves from there (node_modules/@credence/letters,
 * the workspace link), as it does from the sources (tsx, vitest) and from the server. Resolved on first use.
 */
export function lettersPath(relative: string): string {
  dir ??= dirname(createRequire(import.meta.url).resolve('@credence/letters/package.json'));
  return join(dir, relative);
}

/** Resolves a package the letters depend on (the fonts) from the letters package, whatever code runs it. */
export const lettersRequire = (): NodeJS.Require => createRequire(lettersPath('package.json'));
