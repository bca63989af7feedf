import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, signAccessToken } from '@talentgraph/auth';
import { users } from '@talentgraph/demo-data';
import { graphqlRequest } from '@talentgraph/testing';
import { startTestSupergraph, type TestSupergraph } from './helpers.ts';

const DEMO_PASSWORD = 'talentgraph-demo-2026';
const recruiter = users.find((user) => user.membership?.role === 'OWNER')!;

let supergraph: TestSupergraph;

beforeAll(async () => {
  supergraph = await startTestSupergraph();
});

afterAll(async () => {
  await supergraph?.close();
});

async function login(email: string, password: string) {
  const response = await graphqlRequest<{
    login: { session: { accessToken: string; refreshToken: string } | null; errors: { code: string }[] };
  }>(
    supergraph.gateway.url,
    `mutation ($email: String!, $password: String!) {
      login(input: { email: $email, password: $password }) {
        session { accessToken refreshToken }
        errors { code }
      }
    }`,
    { email, password },
  );
  return response.data!.login;
}

describe('identity through the gateway', () => {
  it('signs in, then reads private data with the access token across subgraphs', async () => {
    const { session } = await login(recruiter.email, DEMO_PASSWORD);
    const response = await graphqlRequest<{ me: { email: string; user: { displayName: string } } }>(
      supergraph.gateway.url,
      '{ me { email user { displayName profile { headline } } } }',
      {},
      { authorization: `Bearer ${session!.accessToken}` },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.me).toMatchObject({
      email: recruiter.email,
      user: { displayName: recruiter.displayName },
    });
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    const wrongPassword = await login(recruiter.email, 'not-the-password-at-all');
    const unknownEmail = await login('nobody@demo.talentgraph.dev', 'not-the-password-at-all');
    expect(wrongPassword).toEqual(unknownEmail);
    expect(wrongPassword.session).toBeNull();
  });

  it('refuses a forged token at the gateway with 401, before any subgraph', async () => {
    const attackerKey = await generateSigningKey();
    const { token } = await signAccessToken(
      attackerKey,
      { kind: 'USER', userId: recruiter.id, roles: ['ADMIN'], memberships: [], sessionId: 'forged' },
      { issuer: 'talentgraph', audience: 'talentgraph-api' },
    );
    const response = await graphqlRequest(
      supergraph.gateway.url,
      '{ me { email } }',
      {},
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect(response.status).toBe(401);
    expect(response.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
  });

  it('a subgraph called directly refuses a forged identity too', async () => {
    const attackerKey = await generateSigningKey();
    const { token } = await signAccessToken(
      attackerKey,
      { kind: 'USER', userId: recruiter.id, roles: ['MODERATOR'], memberships: [], sessionId: 'forged' },
      { issuer: 'talentgraph', audience: 'talentgraph-api' },
    );
    for (const name of ['profiles', 'offers', 'community']) {
      const response = await graphqlRequest(
        supergraph.subgraphs[name]!.url,
        '{ __typename }',
        {},
        {
          authorization: `Bearer ${token}`,
        },
      );
      expect(response.status).toBe(401);
      expect(response.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
    }
  });

  it('stops accepting an access token as soon as its session is logged out', async () => {
    const { session } = await login(recruiter.email, DEMO_PASSWORD);
    const headers = { authorization: `Bearer ${session!.accessToken}` };
    const logout = await graphqlRequest(
      supergraph.gateway.url,
      'mutation { logout { __typename } }',
      {},
      headers,
    );
    expect(logout.errors).toBeUndefined();
    const after = await graphqlRequest(supergraph.gateway.url, '{ me { email } }', {}, headers);
    expect(after.status).toBe(401);
    expect(after.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
  });
});
