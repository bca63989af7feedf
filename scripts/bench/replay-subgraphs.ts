/**
 * Cheap subgraphs for the gateway benchmark: one process standing in front of the real subgraphs, which
 * answers each GraphQL request it has already seen (same subgraph, body and Authorization header) from
 * memory and forwards anything else (first requests, JWKS, token exchange, session checks) to the real
 * subgraph; a forwarded answer is memorised only when clean (200, no errors). With every answer cached, subgraphs cost next to nothing, so a gateway's own cost is what
 * the load measures.
 *
 *   node scripts/bench/replay-subgraphs.ts '{"users":"http://127.0.0.1:4001/graphql",…}'
 *
 * Prints one JSON line `{"users":"http://127.0.0.1:<port>/graphql",…}` once every stand-in listens.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: Buffer;
}

const realUrls = JSON.parse(process.argv[2]!) as Record<string, string>;
const standInUrls: Record<string, string> = {};
/** GraphQL requests received per subgraph, answered from memory or not: GET /bench/counts on any port. */
const received: Record<string, number> = {};

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function forward(realBase: URL, request: IncomingMessage, body: Buffer): Promise<Answer> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'host' || name === 'content-length' || name === 'connection' || value === undefined)
      continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await fetch(new URL(request.url!, realBase), {
    method: request.method!,
    headers,
    ...(body.length > 0 ? { body: body.toString() } : {}),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? 'application/json',
    body: Buffer.from(await response.arrayBuffer()),
  };
}

for (const [name, realUrl] of Object.entries(realUrls)) {
  const realBase = new URL(realUrl);
  const answers = new Map<string, Promise<Answer>>();
  received[name] = 0;
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/bench/counts') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(received));
      return;
    }
    void (async () => {
      const body = await readBody(request);
      const replayable = request.method === 'POST' && request.url === realBase.pathname;
      let answer: Answer;
      if (replayable) {
        received[name]! += 1;
        const key = `${request.headers.authorization ?? ''}\n${body.toString()}`;
        // The first request of a kind is forwarded once, however many arrive while it is on its way.
        let pending = answers.get(key);
        if (!pending) {
          pending = forward(realBase, request, body);
          answers.set(key, pending);
          pending.catch(() => answers.delete(key));
        }
        answer = await pending;
        // Only clean answers are kept: an error may be transient and must not be replayed.
        if (answer.status !== 200 || answer.body.includes('"errors"')) answers.delete(key);
      } else {
        answer = await forward(realBase, request, body);
      }
      response.writeHead(answer.status, { 'content-type': answer.contentType });
      response.end(answer.body);
    })().catch((error: unknown) => {
      response.writeHead(502, { 'content-type': 'text/plain' }).end(String(error));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  standInUrls[name] = `http://127.0.0.1:${port}${realBase.pathname}`;
}
console.log(JSON.stringify(standInUrls));
process.once('SIGTERM', () => process.exit(0));
