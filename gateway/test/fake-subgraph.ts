import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from '../src/context.ts';

/** One request a fake subgraph received. */
export interface ReceivedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly body: { query: string; variables: unknown; operationName: string | null };
  /** The client port of the connection: the same for requests sent on one kept-alive connection. */
  readonly clientPort: number;
}

/** What the fake subgraph answers, decided per request. */
export type FakeAnswer =
  | {
      readonly status: number;
      readonly contentType: string;
      readonly body: string;
      readonly delayMs?: number;
    }
  | { readonly hang: 'before headers' | 'after headers' };

/**
 * An HTTP server standing in for a subgraph in tests of the data source: it records every request and
 * answers as `answer` says (by default `{"data":{"echo":<operationName>}}` after `delayMs`).
 */
export interface FakeSubgraph {
  readonly url: string;
  readonly received: ReceivedRequest[];
  answer: (request: ReceivedRequest) => FakeAnswer;
  /** Connections open at the same time, at most, since the start. */
  readonly peakConnections: number;
  close(): Promise<void>;
}

export async function startFakeSubgraph(delayMs = 50): Promise<FakeSubgraph> {
  const sockets = new Set<Socket>();
  let peakConnections = 0;
  const fake: FakeSubgraph = {
    url: '',
    received: [],
    answer: (request) => ({
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({ data: { echo: request.body.operationName } }),
      delayMs,
    }),
    get peakConnections() {
      return peakConnections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const received: ReceivedRequest = {
        headers: incoming.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedRequest['body'],
        clientPort: incoming.socket.remotePort!,
      };
      fake.received.push(received);
      const answer = fake.answer(received);
      if ('hang' in answer) {
        if (answer.hang === 'after headers') {
          outgoing.writeHead(200, { 'content-type': 'application/json' });
          outgoing.write('{"data":');
        }
        return;
      }
      setTimeout(() => {
        outgoing.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
      }, answer.delayMs ?? 0);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    peakConnections = Math.max(peakConnections, sockets.size);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(fake, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
  });
}

/** What @apollo/gateway's executor passes a data source for one fetch of an incoming operation. */
export function fetchOf(
  context: Partial<GatewayContext>,
  request: { query?: string; operationName?: string; variables?: Record<string, unknown> } = {},
  operation: 'query' | 'mutation' = 'query',
): GraphQLDataSourceProcessOptions<GatewayContext> {
  return {
    // GraphQLDataSourceRequestKind.INCOMING_OPERATION: @apollo/gateway exports the enum's type only.
    kind: 'incoming operation',
    request: {
      query: request.query ?? `${operation} Fetch { echo }`,
      operationName: request.operationName ?? 'Fetch',
      variables: request.variables ?? {},
    },
    context: context as GatewayContext,
    incomingRequestContext: { operation: { operation } },
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}
