import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
let root: string | undefined;

/**
 * A file shipped in packages/runtime (config/, models/), found through the package's own name, so that it
 * resolves the same from the sources and from the CLI's bundle (packages/cli/dist), wherever that sits.
 */
export function shippedPath(relative: string): string {
  root ??= dirname(require.resolve('@credence/runtime/package.json'));
  return join(root, relative);
}
