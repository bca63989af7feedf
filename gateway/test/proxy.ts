import {
  createServer,
  request as forward,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';

/**
 * A stand-in for the network between the gateway and one subgraph: forwards every request to the real
 * subgraph (recording its headers), or answers nothing at all (a subgraph that accepts the connection
 * and hangs), or cuts every connection (a subgraph that is down). The mode can change at any time,
 * as a real outage starts and ends.
 */
export interface SubgraphProxy {
  readonly url: string;
  mode: 'forward' | 'hang' | 'down';
  /** How long a forwarded request is held before it goes on (a slow subgraph). */
  delayMs: number;
  /** Headers of every request forwarded so far. */
  readonly forwarded: IncomingHttpHeaders[];
  close(): Promise<void>;
}

export async function startSubgraphProxy(targetUrl: string): Promise<SubgraphProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const proxy: SubgraphProxy = {
    url: '',
    mode: 'forward',
    delayMs: 0,
    forwarded: [],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((incoming, outgoing) => {
    if (proxy.mode === 'hang') return;
    if (proxy.mode === 'down') {
      incoming.socket.destroy();
      return;
    }
    proxy.forwarded.push(incoming.headers);
    incoming.pause();
    setTimeout(() => forwardTo(incoming, outgoing), proxy.delayMs);
  });
  const forwardTo = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const upstream = forward(
      {
        host: target.hostname,
        port: target.port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  };
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return Object.assign(proxy, { url: `http://127.0.0.1:${port}${target.pathname}` });
}
