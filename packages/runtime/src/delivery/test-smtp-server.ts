import { once } from 'node:events';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface TestSmtpServer {
  readonly port: number;
  /** Every message the server took, as the raw text that arrived after DATA. */
  readonly received: string[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 with a free port. Plain text without STARTTLS unless `secure` (implicit TLS
 * with smtp-server's built-in self-signed certificate); `refuse` maps a recipient to the reply code for it.
 */
export async function startSmtpServer(
  options: { refuse?: Readonly<Record<string, number>>; secure?: boolean; onAuth?: SMTPServerOptions['onAuth'] } = {},
): Promise<TestSmtpServer> {
  const received: string[] = [];
  const server = new SMTPServer({
    secure: options.secure ?? false,
    disabledCommands: options.secure ? [] : ['STARTTLS'],
    authOptional: !options.onAuth,
    allowInsecureAuth: true,
    logger: false,
    ...(options.onAuth ? { onAuth: options.onAuth } : {}),
    onRcptTo(address, _session, callback) {
      const code = options.refuse?.[address.address];
      if (code === undefined) return callback();
      callback(Object.assign(new Error(`Mailbox ${address.address} refused`), { responseCode: code }));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks).toString('latin1'));
        callback();
      });
    },
  });
  // a client that hangs up (e.g. on refusing the self-signed certificate) is an 'error' of the server, not of the test
  server.on('error', () => {});
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A TCP port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A TCP server that accepts connections and never says a word: an SMTP client waits for a greeting in vain. */
export async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => sockets.add(socket)).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
