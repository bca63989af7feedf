import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, base64url, exportJWK, generateKeyPair } from 'jose';
import { startTestSubgraph, type TestSubgraph } from '@talentgraph/testing';
import { usersSubgraph } from '../src/subgraph.ts';
import { issueAccessToken } from '../src/signing-keys/access-tokens.ts';
import { errorCode, me, signUp, type Tokens } from './support/accounts.ts';

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

/** The claims of the genuine token, with roles raised to ADMIN: what every forgery tries to pass. */
function escalatedClaims(): Record<string, unknown> {
  const claims = JSON.parse(
    Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString(),
  ) as Record<string, unknown>;
  return { ...claims, roles: ['ADMIN'] };
}

const encode = (value: unknown) => base64url.encode(JSON.stringify(value));

async function refusal(token: string): Promise<{ code: unknown; message: string }> {
  const response = await me(subgraph.url, token);
  expect(response.data ?? null).toBeNull();
  return { code: errorCode(response), message: response.errors![0]!.message };
}

describe('access tokens this subgraph refuses', () => {
  it('accepts the genuine token (the control)', async () => {
    expect((await me(subgraph.url, session.accessToken)).data!.me.email).toBe(session.email);
  });

  it('alg: none', async () => {
    const token = `${encode({ alg: 'none', typ: 'at+jwt', kid: publicJwk.kid })}.${encode(escalatedClaims())}.`;
    expect(await refusal(token)).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'The access token must be signed with EdDSA.',
    });
  });

  it('HS256 signed with the public key as the HMAC secret', async () => {
    for (const secret of [
      base64url.decode(publicJwk.x),
      new TextEncoder().encode(JSON.stringify(publicJwk)),
    ]) {
      const token = await new SignJWT(escalatedClaims())
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: publicJwk.kid })
        .sign(secret);
      expect((await refusal(token)).code).toBe('UNAUTHENTICATED');
    }
  });

  it('a key of its own, under an unknown kid or under the real one', async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const unknownKid = await new SignJWT(escalatedClaims())
      .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: (await exportJWK(publicKey)).x! })
      .sign(privateKey);
    expect(await refusal(unknownKid)).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'The access token was signed with an unknown key.',
    });
    const borrowedKid = await new SignJWT(escalatedClaims())
      .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: publicJwk.kid })
      .sign(privateKey);
    expect(await refusal(borrowedKid)).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'The access token signature is invalid.',
    });
  });

  it('an expired token, even of a live session', async () => {
    const { token } = await issueAccessToken(
      subgraph.orm.em.fork(),
      {
        kind: 'USER',
        userId: String(escalatedClaims()['sub']),
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

  it('a genuine token whose payload was changed', async () => {
    const [header, , signature] = session.accessToken.split('.');
    const token = `${header}.${encode(escalatedClaims())}.${signature}`;
    expect(await refusal(token)).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'The access token signature is invalid.',
    });
  });

  it('a malformed Authorization header', async () => {
    for (const token of ['', 'not.a.token', 'a.b']) {
      expect((await refusal(token)).code).toBe('UNAUTHENTICATED');
    }
  });
});
