import { createHmac, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SignJWT, exportJWK, UnsecuredJWT, importJWK } from 'jose';
import {
  InvalidTokenError,
  bearerToken,
  generateSigningKey,
  localKeySource,
  signAccessToken,
  toJwks,
  verifyAccessToken,
  type Viewer,
} from '../src/index.ts';

const audience = { issuer: 'talentgraph', audience: 'talentgraph-api' };
const candidate: Viewer = {
  kind: 'USER',
  userId: '00000000-0000-4000-8002-000000000001',
  roles: ['CANDIDATE'],
  memberships: [],
  sessionId: 'session-1',
};
const recruiter: Viewer = {
  kind: 'USER',
  userId: '00000000-0000-4000-8002-000000000007',
  roles: ['RECRUITER'],
  memberships: [{ organizationId: '00000000-0000-4000-8001-000000000001', role: 'OWNER' }],
  sessionId: 'session-7',
};

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  return (error as Error).message;
}

describe('access tokens', () => {
  it('carry the viewer through signing and verification', async () => {
    const key = await generateSigningKey();
    const { token, expiresAt } = await signAccessToken(key, recruiter, audience);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(await verifyAccessToken(token, localKeySource(toJwks([key])), audience)).toEqual(recruiter);
  });

  it('carry a partner viewer', async () => {
    const key = await generateSigningKey();
    const partner: Viewer = {
      kind: 'PARTNER',
      apiKeyId: 'key-1',
      organizationId: '00000000-0000-4000-8001-000000000002',
      roles: ['PARTNER'],
    };
    const { token } = await signAccessToken(key, partner, audience);
    expect(await verifyAccessToken(token, localKeySource(toJwks([key])), audience)).toEqual(partner);
  });

  it('stay valid across a key rotation while the previous key is still published', async () => {
    const previous = await generateSigningKey();
    const current = await generateSigningKey();
    const { token } = await signAccessToken(previous, candidate, audience);
    const afterRotation = localKeySource(toJwks([current, previous]));
    expect(await verifyAccessToken(token, afterRotation, audience)).toEqual(candidate);
    expect(await rejection(verifyAccessToken(token, localKeySource(toJwks([current])), audience))).toMatch(
      /unknown key/,
    );
  });

  describe('refuse forgeries', () => {
    it('alg: none', async () => {
      const key = await generateSigningKey();
      const unsigned = new UnsecuredJWT({ kind: 'USER', roles: ['ADMIN'], orgs: [], sid: 's' })
        .setIssuer(audience.issuer)
        .setAudience(audience.audience)
        .setSubject(candidate.kind === 'USER' ? candidate.userId : '')
        .setIssuedAt()
        .setExpirationTime('10m')
        .encode();
      expect(await rejection(verifyAccessToken(unsigned, localKeySource(toJwks([key])), audience))).toMatch(
        /EdDSA/,
      );
    });

    it('HS256 signed with the public key as shared secret', async () => {
      const key = await generateSigningKey();
      const header = base64url(JSON.stringify({ alg: 'HS256', kid: key.kid, typ: 'JWT' }));
      const now = Math.floor(Date.now() / 1000);
      const payload = base64url(
        JSON.stringify({
          iss: audience.issuer,
          aud: audience.audience,
          sub: 'attacker',
          iat: now,
          exp: now + 600,
          kind: 'USER',
          roles: ['ADMIN'],
          orgs: [],
          sid: 's',
        }),
      );
      const signature = createHmac('sha256', JSON.stringify(key.publicJwk))
        .update(`${header}.${payload}`)
        .digest('base64url');
      expect(
        await rejection(
          verifyAccessToken(`${header}.${payload}.${signature}`, localKeySource(toJwks([key])), audience),
        ),
      ).toMatch(/EdDSA/);
    });

    it('a key id the issuer never published', async () => {
      const published = await generateSigningKey();
      const attackerKey = await generateSigningKey();
      const { token } = await signAccessToken(attackerKey, { ...candidate, roles: ['ADMIN'] }, audience);
      expect(
        await rejection(verifyAccessToken(token, localKeySource(toJwks([published])), audience)),
      ).toMatch(/unknown key/);
    });

    it('a published key id on a token signed by another key', async () => {
      const published = await generateSigningKey();
      const attackerKey = await generateSigningKey();
      const { token } = await signAccessToken(
        { kid: published.kid, privateJwk: attackerKey.privateJwk },
        { ...candidate, roles: ['ADMIN'] },
        audience,
      );
      expect(
        await rejection(verifyAccessToken(token, localKeySource(toJwks([published])), audience)),
      ).toMatch(/signature/);
    });

    it('a token without key id', async () => {
      const { privateKey } = generateKeyPairSync('ed25519');
      const token = await new SignJWT({ kind: 'USER', roles: ['ADMIN'], orgs: [], sid: 's' })
        .setProtectedHeader({ alg: 'EdDSA' })
        .setIssuer(audience.issuer)
        .setAudience(audience.audience)
        .setSubject('attacker')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey);
      const key = await generateSigningKey();
      expect(await rejection(verifyAccessToken(token, localKeySource(toJwks([key])), audience))).toMatch(
        /kid/,
      );
    });

    it('an expired token', async () => {
      const key = await generateSigningKey();
      const { token } = await signAccessToken(key, candidate, {
        ...audience,
        now: new Date(Date.now() - 20 * 60_000),
      });
      expect(await rejection(verifyAccessToken(token, localKeySource(toJwks([key])), audience))).toMatch(
        /expired/,
      );
    });

    it('a tampered payload (roles raised after signing)', async () => {
      const key = await generateSigningKey();
      const { token } = await signAccessToken(key, candidate, audience);
      const [header, payload, signature] = token.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const raised = base64url(JSON.stringify({ ...claims, roles: ['ADMIN'] }));
      expect(
        await rejection(
          verifyAccessToken(`${header}.${raised}.${signature}`, localKeySource(toJwks([key])), audience),
        ),
      ).toMatch(/signature/);
    });

    it('a token for another audience or issuer', async () => {
      const key = await generateSigningKey();
      const keys = localKeySource(toJwks([key]));
      const otherAudience = await signAccessToken(key, candidate, { ...audience, audience: 'another-api' });
      expect(await rejection(verifyAccessToken(otherAudience.token, keys, audience))).toMatch(/aud/);
      const otherIssuer = await signAccessToken(key, candidate, { ...audience, issuer: 'someone-else' });
      expect(await rejection(verifyAccessToken(otherIssuer.token, keys, audience))).toMatch(/iss/);
    });

    it('well-signed claims that do not describe a viewer', async () => {
      const key = await generateSigningKey();
      const token = await new SignJWT({ kind: 'USER', roles: ['SUPERUSER'], orgs: [], sid: 's' })
        .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
        .setIssuer(audience.issuer)
        .setAudience(audience.audience)
        .setSubject('someone')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(await importJWK(key.privateJwk, 'EdDSA'));
      expect(await rejection(verifyAccessToken(token, localKeySource(toJwks([key])), audience))).toMatch(
        /roles/,
      );
    });

    it('garbage', async () => {
      const key = await generateSigningKey();
      expect(
        await rejection(verifyAccessToken('not.a.token', localKeySource(toJwks([key])), audience)),
      ).toMatch(/malformed/);
    });
  });

  it('publishes only public key material in the JWKS', async () => {
    const key = await generateSigningKey();
    const [published] = toJwks([key]).keys;
    expect(published).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: key.kid, alg: 'EdDSA', use: 'sig' });
    expect(published).not.toHaveProperty('d');
    expect(await exportJWK(await importJWK(published!, 'EdDSA'))).not.toHaveProperty('d');
  });
});

describe('bearerToken', () => {
  it('reads the token of a Bearer header, and nothing when there is no header', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken(undefined)).toBeNull();
  });

  it('refuses any other scheme or shape', () => {
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'abc.def.ghi']) {
      expect(() => bearerToken(header)).toThrow(InvalidTokenError);
    }
  });
});
