import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** What the local provider says about a person (the `sub` is the login typed on its sign-in page). */
export interface TestAccountClaims {
  readonly email: string;
  readonly email_verified: boolean;
  readonly name?: string;
  readonly locale?: string;
}

export interface TestOpenIdProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** How many UserInfo requests the provider has answered. */
  readonly userInfoRequests: () => number;
  /** Adds or replaces the person signing in as `login`. */
  setAccount(login: string, claims: TestAccountClaims): void;
  /**
   * Plays the person's browser: opens the authorization URL, signs in as `login` on the provider's page,
   * consents, and returns where the provider sends the browser back (the redirect URI with code and state).
   */
  authorize(authorizationUrl: string, login: string): Promise<URL>;
  close(): Promise<void>;
}

/** Cookies of one browser session with the provider (the interaction and session cookies). */
class CookieJar {
  readonly #cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key, date] = attribute.split('=');
        return key?.trim().toLowerCase() === 'expires' && new Date(date ?? '').getTime() < Date.now();
      });
      if (value === '' || expired) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * A real OpenID provider (oidc-provider) on a free local port: in-memory storage, one confidential client
 * allowed to redirect to `redirectUri`, PKCE required, its development sign-in and consent pages. Like
 * most providers it keeps the email claims for UserInfo, unless `claimsInIdToken` puts them in the ID
 * token as well.
 */
export async function startTestOpenIdProvider(options: {
  redirectUri: string;
  claimsInIdToken?: boolean;
}): Promise<TestOpenIdProvider> {
  const accounts = new Map<string, TestAccountClaims>();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'talentgraph-test';
  const clientSecret = 'talentgraph-test-client-secret-0123456789';
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    conformIdTokenClaims: !options.claimsInIdToken,
    features: { devInteractions: { enabled: true } },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'locale'],
    },
    async findAccount(_context, sub) {
      const claims = accounts.get(sub);
      if (claims === undefined) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...claims }) };
    },
    cookies: { keys: ['talentgraph-test-cookie-signing-key'] },
    ttl: {
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 600,
      Grant: 600,
      AccessToken: 600,
      IdToken: 600,
    },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig', kid: 'test-key' }] },
  });
  let userInfoRequests = 0;
  server.on('request', (request: IncomingMessage) => {
    if (new URL(request.url ?? '/', issuer).pathname === '/me') userInfoRequests += 1;
  });
  server.on('request', provider.callback());

  async function authorize(authorizationUrl: string, login: string): Promise<URL> {
    const cookies = new CookieJar();
    let next: { url: string; form?: URLSearchParams } = { url: authorizationUrl };
    for (let step = 0; step < 10; step += 1) {
      const response = await fetch(next.url, {
        method: next.form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          cookie: cookies.header(),
          ...(next.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(next.form ? { body: next.form.toString() } : {}),
      });
      cookies.store(response);
      const location = response.headers.get('location');
      if (location !== null) {
        const target = new URL(location, next.url);
        if (target.href.startsWith(options.redirectUri)) return target;
        next = { url: target.href };
        continue;
      }
      const page = await response.text();
      if (response.status !== 200) throw new Error(`The provider answered ${response.status}: ${page}`);
      // The development interaction pages: a sign-in form (any password), then a consent form.
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      const action = /<form[^>]* action="([^"]+)"/.exec(page)?.[1];
      if (prompt === undefined || action === undefined) throw new Error(`Unexpected provider page: ${page}`);
      next = {
        url: new URL(action, next.url).href,
        form: new URLSearchParams(
          prompt === 'login' ? { prompt, login, password: 'any password' } : { prompt },
        ),
      };
    }
    throw new Error('The provider did not redirect back within 10 steps');
  }

  return {
    issuer,
    clientId,
    clientSecret,
    userInfoRequests: () => userInfoRequests,
    setAccount: (login, claims) => void accounts.set(login, claims),
    authorize,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
