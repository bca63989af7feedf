import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, readConfig, startSubgraph, subgraphSettings } from '@talentgraph/platform';
import { graphqlRequest, queryDatabase, startTestSubgraph, type TestSubgraph } from '@talentgraph/testing';
import { usersSubgraph } from '../src/subgraph.ts';
import { GOOD_PASSWORD, bearer, logIn, signUp } from './support/accounts.ts';

let subgraph: TestSubgraph;
const jwksUrl = () => subgraph.url.replace('/graphql', '/.well-known/jwks.json');

beforeAll(async () => {
  subgraph = await startTestSubgraph(usersSubgraph, { seed: false });
});

afterAll(async () => {
  await subgraph?.close();
});

async function jwks(): Promise<{ response: Response; kids: string[]; keys: Record<string, unknown>[] }> {
  const response = await fetch(jwksUrl());
  const body = (await response.json()) as { keys: Record<string, unknown>[] };
  return { response, keys: body.keys, kids: body.keys.map((key) => String(key['kid'])) };
}

/** A fresh session of a new account holding `role` (granted in the database, as an operator would). */
async function headersOf(role: string): Promise<{ authorization: string }> {
  const { email } = await signUp(subgraph.url);
  await queryDatabase(subgraph.database.url, 'update users set roles = $1 where email = $2', [[role], email]);
  return bearer((await logIn(subgraph.url, email, GOOD_PASSWORD)).accessToken);
}

const ROTATE =
  'mutation { rotateSigningKey { signingKey { kid activatedAt retiredAt } retiredSigningKey { kid retiredAt } errors { code } } }';

describe('signing keys', () => {
  it('creates a key at start and serves its public half at /.well-known/jwks.json', async () => {
    const { response, keys } = await jwks();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
    const rows = await queryDatabase<{ kid: string; private_jwk_sealed: string }>(
      subgraph.database.url,
      'select kid, private_jwk_sealed from signing_keys',
    );
    expect(rows.map((row) => row.kid)).toEqual([keys[0]!['kid']]);
    expect(rows[0]!.private_jwk_sealed).toMatch(/^v1\./);
    expect(rows[0]!.private_jwk_sealed).not.toContain('"d"');
  });

  it('lets only an ADMIN rotate the key', async () => {
    const anonymous = await graphqlRequest(subgraph.url, ROTATE);
    expect(anonymous.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
    const forbidden = await graphqlRequest(subgraph.url, ROTATE, {}, await headersOf('CANDIDATE'));
    expect(forbidden.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const rows = await queryDatabase(subgraph.database.url, 'select kid from signing_keys');
    expect(rows).toHaveLength(1);
  });

  it('rotates: the new key signs, tokens of the previous key stay valid until they expire', async () => {
    const before = await jwks();
    const previousHeaders = await headersOf('ADMIN');
    type Rotation = {
      rotateSigningKey: {
        signingKey: { kid: string; retiredAt: string | null };
        retiredSigningKey: { kid: string; retiredAt: string };
      };
    };
    const rotated = await graphqlRequest<Rotation>(subgraph.url, ROTATE, {}, previousHeaders);
    expect(rotated.errors).toBeUndefined();
    const { signingKey, retiredSigningKey } = rotated.data!.rotateSigningKey;
    expect(retiredSigningKey.kid).toBe(before.kids[0]);
    expect(signingKey.kid).not.toBe(before.kids[0]);
    expect(signingKey.retiredAt).toBeNull();

    const after = await jwks();
    expect(after.kids).toEqual([signingKey.kid, retiredSigningKey.kid]);

    const newHeaders = await headersOf('ADMIN');
    const header = JSON.parse(
      Buffer.from(newHeaders.authorization.split(' ')[1]!.split('.')[0]!, 'base64url').toString(),
    ) as { kid: string };
    expect(header.kid).toBe(signingKey.kid);
    const withPrevious = await graphqlRequest(subgraph.url, ROTATE, {}, previousHeaders);
    expect(withPrevious.errors).toBeUndefined();

    const retired = await queryDatabase<{ private_jwk_sealed: string | null }>(
      subgraph.database.url,
      'select private_jwk_sealed from signing_keys where kid = $1',
      [retiredSigningKey.kid],
    );
    expect(retired).toEqual([{ private_jwk_sealed: null }]);
  });

  it('stops publishing a retired key once every token it signed has expired', async () => {
    await queryDatabase(
      subgraph.database.url,
      "update signing_keys set retired_at = now() - interval '21 minutes' where retired_at is not null",
    );
    const { kids } = await jwks();
    const active = await queryDatabase<{ kid: string }>(
      subgraph.database.url,
      'select kid from signing_keys where retired_at is null',
    );
    expect(kids).toEqual(active.map((row) => row.kid));
  });

  it('rotates at start when the active key is older than AUTH_KEY_ROTATION_DAYS', async () => {
    await queryDatabase(
      subgraph.database.url,
      "update signing_keys set activated_at = now() - interval '31 days' where retired_at is null",
    );
    const [stale] = await queryDatabase<{ kid: string }>(
      subgraph.database.url,
      'select kid from signing_keys where retired_at is null',
    );
    // A second replica (or a restart) on the same database.
    const replica = await startSubgraph(
      usersSubgraph,
      readConfig(subgraphSettings({ defaultPort: 0, database: 'users' }), {
        DATABASE_URL: subgraph.database.url,
        PORT: '0',
        NODE_ENV: 'test',
        SHUTDOWN_TIMEOUT_MS: '1000',
      }),
      { logger: createLogger('users', 'silent') },
    );
    try {
      await expect
        .poll(async () =>
          queryDatabase<{ kid: string }>(
            subgraph.database.url,
            'select kid from signing_keys where retired_at is null',
          ),
        )
        .not.toEqual([stale]);
      const active = await queryDatabase<{ kid: string }>(
        subgraph.database.url,
        'select kid from signing_keys where retired_at is null',
      );
      expect(active).toHaveLength(1);
      const { kids } = await jwks();
      expect(kids).toEqual([active[0]!.kid, stale!.kid]);
    } finally {
      await replica.stop();
    }
  });
});
