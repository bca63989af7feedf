import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@talentgraph/platform';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Authenticator, Caller } from './authentication.ts';
import type { GatewayContext } from './context.ts';
import type { GatewayMetrics } from './metrics.ts';
import type { PersistedOperation, PersistedOperations } from './persisted-operations.ts';
import type { ApiCallQuota, RequestRateLimits } from './rate-limits.ts';

/** What a request was admitted as, handed from the admission middleware to the GraphQL context. */
export interface Admitted {
  readonly caller: Caller;
  readonly clientIp: string;
  /** The manifest operation the request runs, or null for a free-form (or APQ) first-party operation. */
  readonly persistedOperation: PersistedOperation | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by the admission middleware on every GraphQL request it lets through. */
    admitted?: Admitted;
  }
}

/** The GraphQL part of a request, wherever it came from (POST body, GET parameters, graphql-ws subscribe). */
export interface OperationRequest {
  readonly query?: unknown;
  readonly extensions?: unknown;
}

export interface AdmissionOptions {
  readonly authenticator: Authenticator;
  readonly rateLimits: RequestRateLimits;
  readonly apiCallQuota: ApiCallQuota;
  /** The manifest, once prepared against the served schema at start. */
  readonly operations: () => PersistedOperations;
  /** First-party callers too may run manifest operations only (SAFELIST_ONLY). */
  readonly safelistOnly: boolean;
  readonly metrics: GatewayMetrics;
  readonly logger: Logger;
}

/**
 * What every request goes through before any GraphQL work, over HTTP and WebSocket alike: the client
 * address's rate limit (before authentication, so a flood of bad credentials is limited too), the
 * caller's authentication and rate limit, the safelist (a partner key runs only the operations published
 * for partners, everyone with SAFELIST_ONLY only operations of the manifest, each named by
 * `extensions.persistedQuery.sha256Hash`), and a
 * partner's monthly API-call quota. Refusals are answered here, with their HTTP status.
 */
export class Admission {
  readonly #options: AdmissionOptions;

  constructor(options: AdmissionOptions) {
    this.#options = options;
  }

  /** Express middleware for the GraphQL path; sets `request.admitted`. */
  middleware(): RequestHandler {
    return (request: Request, response: Response, next: NextFunction) => {
      this.#admitHttp(request).then(
        (admitted) => {
          request.admitted = admitted;
          next();
        },
        (error: unknown) => this.#refuse(request, response, error),
      );
    };
  }

  async admitAddress(clientIp: string): Promise<void> {
    await this.#options.rateLimits.admitAddress(clientIp);
  }

  /**
   * The manifest operation a request names, or null for a free-form one (allowed to first-party callers
   * unless SAFELIST_ONLY). Query text sent along with a manifest id must be that operation's text.
   */
  persistedOperationOf(caller: Caller, request: OperationRequest): PersistedOperation | null {
    const hash = persistedQueryHashOf(request.extensions);
    const partner = caller.viewer?.kind === 'PARTNER';
    const safelisted = this.#options.safelistOnly || partner;
    if (hash !== null) {
      const operation = this.#options.operations().get(hash);
      if (operation) {
        if (partner && !operation.forPartners) {
          throw refusal(
            `The operation ${operation.name} is not published for partners: partner API keys run the operations of schema/operations/partners only.`,
            'OPERATION_NOT_FOR_PARTNERS',
            403,
          );
        }
        // graphql-ws requires a query string: an empty one stands for "none" there.
        if (typeof request.query === 'string' && request.query !== '' && request.query !== operation.body) {
          throw refusal(
            'The query text is not the persisted operation its sha256Hash names.',
            'BAD_REQUEST',
            400,
          );
        }
        return operation;
      }
      if (safelisted) {
        throw refusal(
          'No operation of the persisted-operation manifest has this sha256Hash: only published operations run here.',
          'PERSISTED_QUERY_NOT_FOUND',
          404,
        );
      }
      return null;
    }
    if (safelisted && request.query !== undefined) {
      throw refusal(
        'Send a persisted operation: extensions.persistedQuery.sha256Hash of an operation of the manifest (schema/persisted-queries.json).',
        'PERSISTED_QUERY_REQUIRED',
        403,
      );
    }
    return null;
  }

  /** The caller's rate limit and, for a partner, one API call of its plan's monthly quota. */
  async admitCaller(caller: Caller): Promise<void> {
    await this.#options.rateLimits.admitCaller(caller.viewer);
    if (caller.viewer?.kind !== 'PARTNER' || caller.authorization === null) return;
    try {
      await this.#options.apiCallQuota.spend(caller.viewer, caller.authorization);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      // The users subgraph keeps the count; while it cannot be reached, calls are not held back.
      this.#options.logger.warn({ err: error }, 'API call quota unavailable; request let through');
    }
  }

  async #admitHttp(request: Request): Promise<Admitted> {
    const clientIp = request.ip ?? request.socket.remoteAddress ?? '';
    await this.admitAddress(clientIp);
    const caller = await this.#options.authenticator.authenticate(request.headers);
    const operationRequest = operationRequestOf(request);
    const persistedOperation =
      operationRequest === null ? null : this.persistedOperationOf(caller, operationRequest);
    await this.admitCaller(caller);
    return { caller, clientIp, persistedOperation };
  }

  #refuse(request: Request, response: Response, error: unknown): void {
    const known = error instanceof GraphQLError && typeof error.extensions['code'] === 'string';
    if (!known) {
      this.#options.logger.error({ err: error, requestId: request.requestId }, 'request admission failed');
    }
    const refused = known ? error : refusal('Internal server error', 'INTERNAL_SERVER_ERROR', 500);
    const { http, ...extensions } = refused.extensions as { http?: { status?: number } } & Record<
      string,
      unknown
    >;
    this.#options.metrics.countError(extensions['code']);
    if (typeof extensions['retryAfterSeconds'] === 'number') {
      response.setHeader('retry-after', String(extensions['retryAfterSeconds']));
    }
    response.status(http?.status ?? 400).json({ errors: [{ message: refused.message, extensions }] });
  }
}

/**
 * Puts a manifest operation's text in place of its id, so Apollo Server finds the document parsed and
 * validated at start (PinnedDocumentStore) without registering it in the APQ cache.
 */
export function persistedOperationPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const operation = contextValue.persistedOperation;
      if (!operation) return;
      request.query = operation.body;
      const { persistedQuery: _persistedQuery, ...extensions } = request.extensions ?? {};
      request.extensions = extensions;
    },
  };
}

function persistedQueryHashOf(extensions: unknown): string | null {
  const persistedQuery = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)
    ?.persistedQuery;
  return typeof persistedQuery?.sha256Hash === 'string' ? persistedQuery.sha256Hash : null;
}

/**
 * The operation of an HTTP request (POST body or GET parameters); null when it carries none (the
 * Sandbox page, a malformed body), which Apollo Server then answers itself.
 */
function operationRequestOf(request: Request): OperationRequest | null {
  if (request.method === 'POST') {
    const body = request.body as unknown;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
    const { query, extensions } = body as OperationRequest;
    return query === undefined && extensions === undefined ? null : { query, extensions };
  }
  const { query, extensions } = request.query as { query?: unknown; extensions?: unknown };
  if (query === undefined && extensions === undefined) return null;
  if (typeof extensions !== 'string') return { query, extensions };
  try {
    return { query, extensions: JSON.parse(extensions) as unknown };
  } catch {
    return null;
  }
}

function refusal(message: string, code: string, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}
