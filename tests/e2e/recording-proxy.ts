import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A proxy on 127.0.0.1 that answers nothing and remembers every host the browser asked it
 * for, from the browser's first moment: plain requests and CONNECT tunnels alike. Pages the
 * tests serve (context.route) never reach it, so any host it sees is a request that would
 * have left the machine.
 */
export interface RecordingProxy {
  url: string;
  hosts: Set<string>;
  close(): Promise<void>;
}

/** Refuses every CONNECT tunnel (https), remembering the host it was for. */
export function refuseTunnels(server: Server, hosts: Set<string>): void {
  server.on('connect', (request, socket) => {
    hosts.add((request.url ?? '').split(':')[0]!);
    // Node hands over a tunnel's socket with no error listener: a browser resetting a tunnel
    // it gave up on (ECONNRESET) would otherwise throw out of the whole run.
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
}

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const hosts = new Set<string>();
  const server: Server = createServer((request, response) => {
    try {
      hosts.add(new URL(request.url ?? '', 'http://unknown').hostname);
    } catch {
      hosts.add(String(request.headers.host));
    }
    response.writeHead(403).end();
  });
  refuseTunnels(server, hosts);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hosts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
