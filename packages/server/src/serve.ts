import type { AddressInfo } from 'node:net';
import type { ServerDeps } from './deps';
import { createServer } from './server';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
}

export interface RunningServer {
  /** Where it listens, e.g. `http://127.0.0.1:8080` (the port chosen by the system for port 0). */
  readonly url: string;
  /** Stops accepting connections and waits for open requests to finish. */
  close(): Promise<void>;
}

/** Serves the API on a socket (Node's http via @hono/node-server). */
export async function serve(deps: ServerDeps, options: ServeOptions): Promise<RunningServer> {
  const { serve: listen } = await import('@hono/node-server');
  const app = createServer(deps);
  return new Promise((resolve, reject) => {
    const server = listen({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((e) => (e ? fail(e) : done()));
            if ('closeIdleConnections' in server) server.closeIdleConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
