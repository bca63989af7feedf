import { Agent as HttpAgent, request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** A subgraph's HTTP answer, its body read whole. */
export interface SubgraphAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** The fetch passed its deadline (waiting for a connection, the answer or the end of its body). */
export class SubgraphTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`no complete answer within ${timeoutMs} ms`);
    this.name = 'SubgraphTimeoutError';
  }
}

/**
 * POSTs to one subgraph over a pool of keep-alive connections (`node:http`'s Agent: at most
 * `maxConnections` open; more requests wait for a free one, within their deadline). Nothing is built per
 * request beyond the request itself: the URL is parsed once, headers are a plain object, the answer is
 * one string. Node's `fetch` costs a quarter of the gateway's CPU under load (web streams, Headers and
 * Response objects, URL parsing), which this avoids. Idle connections are closed a second before the
 * subgraph's own `Keep-Alive: timeout` (Node's Agent reads it), so a request is rarely sent on a
 * connection the subgraph is closing.
 */
export class SubgraphHttpClient {
  readonly #agent: HttpAgent;
  readonly #send: typeof httpRequest;
  readonly #target: { readonly hostname: string; readonly port: string; readonly path: string };

  constructor(url: string, options: { readonly maxConnections: number }) {
    const parsed = new URL(url);
    const secure = parsed.protocol === 'https:';
    const agentOptions = { keepAlive: true, maxSockets: options.maxConnections };
    this.#agent = secure ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
    this.#send = secure ? httpsRequest : httpRequest;
    this.#target = {
      // An IPv6 host comes bracketed from URL; the socket wants it bare.
      hostname: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: parsed.port || (secure ? '443' : '80'),
      path: `${parsed.pathname}${parsed.search}`,
    };
  }

  /**
   * Sends `body` and reads the whole answer; rejects with SubgraphTimeoutError past `timeoutMs` (the
   * connection is then destroyed), or with the network error.
   */
  post(body: string, headers: OutgoingHttpHeaders, timeoutMs: number): Promise<SubgraphAnswer> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (error: Error | null, answer?: SubgraphAnswer) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        if (error) reject(error);
        else resolve(answer!);
      };
      const request = this.#send(
        {
          ...this.#target,
          method: 'POST',
          agent: this.#agent,
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            settle(null, {
              status: response.statusCode ?? 0,
              contentType: response.headers['content-type'] ?? '',
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          response.on('error', (error) => settle(error));
          response.on('close', () => {
            if (!response.complete) settle(new Error('the subgraph closed the connection mid-answer'));
          });
        },
      );
      const deadline = setTimeout(() => {
        settle(new SubgraphTimeoutError(timeoutMs));
        request.destroy();
      }, timeoutMs);
      request.on('error', (error) => settle(error));
      request.end(body);
    });
  }

  /** Closes the pooled connections. */
  close(): void {
    this.#agent.destroy();
  }
}
