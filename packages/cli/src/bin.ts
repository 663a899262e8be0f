// The process entry: runs the command line with this process's arguments. bin/credence.js imports it (the
// build of it, dist/credence.js, or this source through tsx); tests call `main` instead.
import { main } from './main';

process.exitCode = await main(process.argv);
