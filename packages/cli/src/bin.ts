// The process entry: runs the command line with this process's arguments. bin/credence.js imports it (the
// build of it, dist/credence.js, or this source through tsx); tests call `main` instead.
import { main } from './main';

const code = await main(process.argv);
// Exit once stdout and stderr are flushed rather than when the event loop runs dry: after PGlite's close() the
// process otherwise lingers 0.2–0.8 s (releasing its WebAssembly memory), on every command that opens a store.
// main() has awaited all of the command's work by now, so nothing is cut short.
let streams = 2;
const flushed = () => {
  streams -= 1;
  if (streams === 0) process.exit(code);
};
process.stdout.write('', flushed);
process.stderr.write('', flushed);
