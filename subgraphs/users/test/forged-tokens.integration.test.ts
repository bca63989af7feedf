import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgedTokens, startTestSubgraph, type TestSubgraph } from '@talentgraph/testing';
import { usersSubgraph } from '../src/subgraph.ts';
import { issueAccessToken } from '../src/signing-keys/access-tokens.ts';
import { claimsOf, errorCode, me, signUp, type Tokens } from './support/accounts.ts';

let subgraph: TestSubgraph;
let session: Tokens & { email: string };
let publicJwk: { kid: string; x: string };

beforeAll(async () => {
  subgraph = await startTestSubgraph(usersSubgraph, { seed: false });
  session = await signUp(subgraph.url, { role: 'CANDIDATE' });
  const jwks = (await (await fetch(subgraph.url.replace('/graphql', '/.well-known/jwks.json'))).json()) as {
    keys: { kid: string; x: string }[];
  };
  publicJwk = jwks.keys[0]!;
});

afterAll(async () => {
  await subgraph?.close();
});

async function refusal(token: string): Promise<{ code: unknown; message: string }> {
  const response = await me(subgraph.url, token);
  expect(response.data ?? null).toBeNull();
  return { code: errorCode(response), message: response.errors![0]!.message };
}

describe('access tokens this subgraph refuses', () => {
  it('accepts the genuine token (the control)', async () => {
    expect((await me(subgraph.url, session.accessToken)).data!.me.email).toBe(session.email);
  });

  it('every classic forgery: alg none, HS256 with the public key, foreign keys, tampered payload', async () => {
    const forgeries = await forgedTokens(session.accessToken, publicJwk);
    for (const { attack, token, refusal: expected } of forgeries) {
      expect({ attack, ...(await refusal(token)) }).toEqual({
        attack,
        code: 'UNAUTHENTICATED',
        message: expected,
      });
    }
  });

  it('an expired token, even of a live session', async () => {
    const { token } = await issueAccessToken(
      subgraph.orm.em.fork(),
      {
        kind: 'USER',
        userId: String(claimsOf(session.accessToken)['sub']),
        roles: ['CANDIDATE'],
        memberships: [],
        sessionId: session.sessionId,
      },
      new Date(Date.now() - 16 * 60 * 1000),
    );
    expect(await refusal(token)).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'The access token has expired; refresh it.',
    });
  });

  it('a malformed Authorization header', async () => {
    for (const token of ['', 'not.a.token', 'a.b']) {
      expect((await refusal(token)).code).toBe('UNAUTHENTICATED');
    }
  });
});
