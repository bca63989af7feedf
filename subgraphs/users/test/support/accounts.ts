import { randomBytes } from 'node:crypto';
import { graphqlRequest, type GraphQLResponse } from '@talentgraph/testing';

/** A password that passes the policy. */
export const GOOD_PASSWORD = 'violet-harbour-42-lantern';

export interface Tokens {
  readonly sessionId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly accessTokenExpiresAt: string;
  readonly refreshTokenExpiresAt: string;
}

export interface UserErrorShape {
  readonly code: string;
  readonly message: string;
  readonly field: string[] | null;
}

export const TOKENS = 'sessionId accessToken refreshToken accessTokenExpiresAt refreshTokenExpiresAt';

/** A fresh address no other test uses. */
export function uniqueEmail(label = 'person'): string {
  return `${label}.${randomBytes(5).toString('hex')}@example.com`;
}

export function bearer(accessToken: string): { authorization: string } {
  return { authorization: `Bearer ${accessToken}` };
}

/** From a distinct client address, so that per-address limits of one test do not touch another. */
export function fromAddress(address: string): { 'x-forwarded-for': string } {
  return { 'x-forwarded-for': address };
}

export function randomAddress(): string {
  const bytes = randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

export async function register(
  url: string,
  input: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<{ register: { session: Tokens | null; errors: UserErrorShape[] } }>> {
  return graphqlRequest(
    url,
    `mutation ($input: RegisterInput!) { register(input: $input) { session { ${TOKENS} } errors { code message field } } }`,
    {
      input: {
        email: uniqueEmail(),
        password: GOOD_PASSWORD,
        displayName: 'Test Person',
        role: 'CANDIDATE',
        ...input,
      },
    },
    { ...fromAddress(randomAddress()), ...headers },
  );
}

/** Registers and returns the new account's first tokens. */
export async function signUp(
  url: string,
  input: Record<string, unknown> = {},
): Promise<Tokens & { email: string }> {
  const email = (input['email'] as string | undefined) ?? uniqueEmail();
  const response = await register(url, { ...input, email });
  const session = response.data?.register.session;
  if (!session) throw new Error(`sign-up failed: ${JSON.stringify(response.errors ?? response.data)}`);
  return { ...session, email };
}

export async function login(
  url: string,
  input: { email: string; password: string; totpCode?: string; recoveryCode?: string },
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<{ login: { session: Tokens | null; errors: UserErrorShape[] } }>> {
  return graphqlRequest(
    url,
    `mutation ($input: LoginInput!) { login(input: $input) { session { ${TOKENS} } errors { code message field } } }`,
    { input },
    { ...fromAddress(randomAddress()), ...headers },
  );
}

export async function logIn(url: string, email: string, password: string): Promise<Tokens> {
  const response = await login(url, { email, password });
  const session = response.data?.login.session;
  if (!session) throw new Error(`login failed: ${JSON.stringify(response.errors ?? response.data)}`);
  return session;
}

export async function refresh(
  url: string,
  refreshToken: string,
): Promise<GraphQLResponse<{ refreshToken: { session: Tokens | null } }>> {
  return graphqlRequest(
    url,
    `mutation ($input: RefreshTokenInput!) { refreshToken(input: $input) { session { ${TOKENS} } } }`,
    { input: { refreshToken } },
  );
}

export async function me(
  url: string,
  accessToken: string,
): Promise<GraphQLResponse<{ me: { id: string; email: string; emailVerified: boolean } }>> {
  return graphqlRequest(url, '{ me { id email emailVerified } }', {}, bearer(accessToken));
}

export function errorCode(response: GraphQLResponse<unknown>): unknown {
  return response.errors?.[0]?.extensions?.['code'];
}

export { claimsOf, mailbox, tokenFromMailbox, type MailboxMessage } from '@talentgraph/testing';
