import {
  generateSigningKey,
  localKeySource,
  signAccessToken,
  toJwks,
  type KeySource,
  type SigningKey,
  type Viewer,
} from '@talentgraph/auth';

/** Issuer and audience every service expects by default (AUTH_ISSUER, AUTH_AUDIENCE). */
export const TEST_TOKEN_AUDIENCE = { issuer: 'talentgraph', audience: 'talentgraph-api' } as const;

export interface TestIssuer {
  readonly signingKey: SigningKey;
  /** Give this to `startTestSubgraph(..., { keySource })` so the subgraph trusts this issuer. */
  readonly keySource: KeySource;
  /** An `Authorization` header carrying a valid access token for `viewer`. */
  headersFor(viewer: Viewer): Promise<{ authorization: string }>;
}

/** A token issuer for tests: its own Ed25519 key, trusted by the subgraphs started with its key source. */
export async function createTestIssuer(): Promise<TestIssuer> {
  const signingKey = await generateSigningKey();
  return {
    signingKey,
    keySource: localKeySource(toJwks([signingKey])),
    async headersFor(viewer) {
      const { token } = await signAccessToken(signingKey, viewer, TEST_TOKEN_AUDIENCE);
      return { authorization: `Bearer ${token}` };
    },
  };
}

/** A signed-in person, for tests. */
export function testUser(userId: string, overrides: Partial<Extract<Viewer, { kind: 'USER' }>> = {}): Viewer {
  return {
    kind: 'USER',
    userId,
    roles: ['CANDIDATE'],
    memberships: [],
    sessionId: 'test-session',
    ...overrides,
  };
}
