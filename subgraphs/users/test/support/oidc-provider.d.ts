/**
 * The part of oidc-provider (v9, which ships no type declarations) the social login tests use to run a
 * real local OpenID provider.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    redirect_uris: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<Record<string, unknown>> | Record<string, unknown>;
  }

  export interface Configuration {
    clients?: ClientMetadata[];
    claims?: Record<string, string[]>;
    conformIdTokenClaims?: boolean;
    cookies?: { keys?: string[] };
    features?: { devInteractions?: { enabled: boolean } };
    findAccount?: (context: unknown, sub: string) => Promise<Account | undefined>;
    jwks?: { keys: Record<string, unknown>[] };
    pkce?: { required?: (context: unknown, client: unknown) => boolean };
    ttl?: Record<string, number>;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
  }

  export default Provider;
}
