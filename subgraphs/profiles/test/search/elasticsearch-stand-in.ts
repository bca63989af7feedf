import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP server answering as Elasticsearch 8 does (with its product header, which the client checks),
 * recording every request: the Elasticsearch adapter's own path is tested against it where no
 * Elasticsearch server runs.
 */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: string;
}

export interface StandInAnswer {
  readonly status: number;
  readonly body?: unknown;
}

export interface ElasticsearchStandIn {
  readonly url: string;
  received: ReceivedRequest[];
  /** How it answers; by default the index exists and every write succeeds. */
  answer: (request: ReceivedRequest) => StandInAnswer;
  close(): Promise<void>;
}

export const INDEX_EXISTS_AND_WRITES_SUCCEED = ({ method, path }: ReceivedRequest): StandInAnswer => {
  if (method === 'HEAD') return { status: 200 };
  return { status: 200, body: path === '/_bulk' ? { errors: false, items: [] } : { result: 'created' } };
};

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startElasticsearchStandIn(): Promise<ElasticsearchStandIn> {
  const standIn = {
    url: '',
    received: [] as ReceivedRequest[],
    answer: INDEX_EXISTS_AND_WRITES_SUCCEED,
  };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url!, 'http://stand-in');
    const entry: ReceivedRequest = {
      method: request.method!,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: await bodyOf(request),
    };
    standIn.received.push(entry);
    const { status, body } = standIn.answer(entry);
    response.writeHead(status, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' });
    response.end(body === undefined ? '' : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(standIn, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
