import { beforeAll, describe, expect, it } from 'vitest';
import { remoteKeySource, verifyAccessToken } from '@talentgraph/auth';
import { TEST_TOKEN_AUDIENCE, rows, startForTests } from '@talentgraph/testing';
import { hashSecret, parseApiKey } from '../../src/api-keys/api-key.ts';
import {
  errorCode,
  gql,
  organizationOf,
  signUp,
  startOrganizationsWorld,
  type Person,
  type UserErrorOf,
} from '../support/organizations.ts';

const world = startForTests(startOrganizationsWorld);

const keysOf = (organizationId: string) =>
  rows<Record<string, unknown>>(
    world,
    'select * from api_keys where organization_id = $1 order by created_at',
    [organizationId],
  );

const CREATE = `mutation ($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id name prefix createdAt createdBy { id } lastUsedAt revokedAt revoked } errors { code message field } }
}`;
const REVOKE = `mutation ($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) { apiKey { id revoked revokedAt } errors { code field } }
}`;

type Created = {
  createApiKey: {
    secret: string | null;
    apiKey: {
      id: string;
      name: string;
      prefix: string;
      createdBy: { id: string };
      lastUsedAt: string | null;
      revoked: boolean;
    } | null;
    errors: UserErrorOf[];
  };
};

async function exchange(
  apiKey: string | undefined,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${world.baseUrl}/auth/partner-token`, {
    method: 'POST',
    headers: apiKey === undefined ? {} : { 'x-api-key': apiKey },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function createKey(person: Person, organizationId: string, name = 'Job board sync') {
  const response = await gql<Created>(world, CREATE, { input: { organizationId, name } }, person.headers);
  return response.data!.createApiKey;
}

describe('createApiKey', () => {
  let owner: Person;
  let admin: Person;
  let recruiter: Person;
  let outsider: Person;
  let organization: { id: string };

  beforeAll(async () => {
    [owner, admin, recruiter, outsider] = await Promise.all([
      signUp(world),
      signUp(world),
      signUp(world),
      signUp(world),
    ]);
    organization = await organizationOf(world, owner, [
      [admin, 'ADMIN'],
      [recruiter, 'RECRUITER'],
    ]);
  });

  it('shows the secret once and stores only its SHA-256', async () => {
    const created = await createKey(admin, organization.id, '  Job   board sync ');
    expect(created.errors).toEqual([]);
    expect(created.secret).toMatch(/^tgp_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({
      name: 'Job board sync',
      prefix: created.secret!.slice(0, 20),
      createdBy: { id: admin.id },
      lastUsedAt: null,
      revoked: false,
    });
    const [stored] = await keysOf(organization.id);
    const { keyId, secret } = parseApiKey(created.secret!)!;
    expect(stored).toMatchObject({ key_id: keyId, secret_hash: hashSecret(secret) });
    expect(JSON.stringify(stored)).not.toContain(secret);
    const listed = await gql<{ organization: { apiKeys: { edges: { node: Record<string, unknown> }[] } } }>(
      world,
      `{ organization(id: "${organization.id}") { apiKeys { edges { node { id name prefix revoked } } } } }`,
      {},
      owner.headers,
    );
    expect(listed.data!.organization.apiKeys.edges.map((edge) => edge.node)).toEqual([
      { id: created.apiKey!.id, name: 'Job board sync', prefix: `tgp_${keyId}`, revoked: false },
    ]);
    const secretField = await gql(
      world,
      `{ organization(id: "${organization.id}") { apiKeys { edges { node { secret } } } } }`,
      {},
      owner.headers,
    );
    expect(errorCode(secretField)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a RECRUITER, an outsider, a partner key and an anonymous caller, writing nothing', async () => {
    const before = await keysOf(organization.id);
    const partner = await world.issuer.headersFor({
      kind: 'PARTNER',
      apiKeyId: String(before[0]?.['id'] ?? '00000000-0000-4000-8000-000000000001'),
      organizationId: organization.id,
      roles: ['PARTNER'],
    });
    for (const headers of [recruiter.headers, outsider.headers, partner]) {
      expect(
        errorCode(
          await gql(world, CREATE, { input: { organizationId: organization.id, name: 'Mine' } }, headers),
        ),
      ).toBe('FORBIDDEN');
    }
    expect(
      errorCode(await gql(world, CREATE, { input: { organizationId: organization.id, name: 'Mine' } })),
    ).toBe('UNAUTHENTICATED');
    expect(await keysOf(organization.id)).toEqual(before);
  });

  it('answers a blank or long name, an unknown organization and an eleventh working key with typed errors', async () => {
    const team = await organizationOf(world, owner);
    expect((await createKey(owner, team.id, '   ')).errors).toMatchObject([
      { code: 'INVALID_NAME', field: ['input', 'name'] },
    ]);
    expect((await createKey(owner, team.id, 'x'.repeat(101))).errors).toMatchObject([
      { code: 'INVALID_NAME' },
    ]);
    expect((await createKey(owner, '00000000-0000-4000-8000-00000000dead')).errors).toMatchObject([
      { code: 'ORGANIZATION_NOT_FOUND' },
    ]);
    const ten = await Promise.all(
      Array.from({ length: 10 }, (_, index) => createKey(owner, team.id, `Key ${index}`)),
    );
    expect(ten.every((created) => created.errors.length === 0)).toBe(true);
    expect((await createKey(owner, team.id, 'One too many')).errors).toMatchObject([
      { code: 'TOO_MANY_API_KEYS' },
    ]);
    expect(await keysOf(team.id)).toHaveLength(10);
    await gql(world, REVOKE, { input: { apiKeyId: ten[0]!.apiKey!.id } }, owner.headers);
    expect((await createKey(owner, team.id, 'Replacement')).errors).toEqual([]);
  });
});

describe('partner tokens', () => {
  let owner: Person;
  let organization: { id: string };
  let other: { id: string };

  beforeAll(async () => {
    owner = await signUp(world);
    organization = await organizationOf(world, owner);
    other = await organizationOf(world, await signUp(world));
  });

  it('exchanges a key for a short-lived PARTNER token of its organization, signed with the JWKS keys', async () => {
    const created = await createKey(owner, organization.id);
    const answer = await exchange(created.secret!);
    expect(answer.status).toBe(200);
    const { accessToken, expiresAt } = answer.body as { accessToken: string; expiresAt: string };
    const viewer = await verifyAccessToken(
      accessToken,
      remoteKeySource(`${world.baseUrl}/.well-known/jwks.json`),
      TEST_TOKEN_AUDIENCE,
    );
    expect(viewer).toEqual({
      kind: 'PARTNER',
      apiKeyId: created.apiKey!.id,
      organizationId: organization.id,
      roles: ['PARTNER'],
    });
    const lifetime = new Date(expiresAt).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(60_000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60_000);
    const [stored] = await rows<{ last_used_at: Date | null }>(
      world,
      'select last_used_at from api_keys where id = $1',
      [created.apiKey!.id],
    );
    expect(stored!.last_used_at).not.toBeNull();
  });

  it('lets the token read and consume its own organization’s quotas only, and see nothing private', async () => {
    const created = await createKey(owner, organization.id, 'Quota reader');
    const { accessToken } = (await exchange(created.secret!)).body as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}` };
    const own = await gql<{ organization: { quotas: unknown[]; members: unknown; apiKeys: unknown } }>(
      world,
      `{ organization(id: "${organization.id}") { quotas { metric } members { totalCount } apiKeys { totalCount } } }`,
      {},
      headers,
    );
    expect(own.data!.organization.quotas).toHaveLength(3);
    expect(own.errors!.map((error) => error.path!.at(-1)).sort()).toEqual(['apiKeys', 'members']);
    const foreign = await gql(
      world,
      `{ organization(id: "${other.id}") { quotas { metric } } }`,
      {},
      headers,
    );
    expect(errorCode(foreign)).toBe('FORBIDDEN');
    const consume = await fetch(
      `${world.baseUrl}/internal/organizations/${organization.id}/quotas/API_CALLS/consume`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ amount: 1 }),
      },
    );
    expect(consume.status).toBe(200);
  });

  it('answers 401, with one message, to a missing, malformed, unknown, wrong or revoked key', async () => {
    const created = await createKey(owner, organization.id, 'Soon revoked');
    const { accessToken } = (await exchange(created.secret!)).body as { accessToken: string };
    const revoked = await gql<{ revokeApiKey: { apiKey: { revoked: boolean }; errors: UserErrorOf[] } }>(
      world,
      REVOKE,
      { input: { apiKeyId: created.apiKey!.id } },
      owner.headers,
    );
    expect(revoked.data!.revokeApiKey).toMatchObject({ apiKey: { revoked: true }, errors: [] });
    const { keyId, secret } = parseApiKey(created.secret!)!;
    const wrongSecret = `tgp_${keyId}_${secret.slice(1)}${secret[0] === 'A' ? 'B' : 'A'}`;
    const unknownKey = `tgp_${'0'.repeat(16)}_${secret}`;
    for (const presented of [undefined, '', 'hello', unknownKey, wrongSecret, created.secret!]) {
      const answer = await exchange(presented);
      expect(answer, String(presented)).toEqual({
        status: 401,
        body: { error: { code: 'UNAUTHENTICATED', message: 'Unknown or revoked API key.' } },
      });
    }
    const stillSigned = await gql(
      world,
      `{ organization(id: "${organization.id}") { quotas { metric } } }`,
      {},
      {
        authorization: `Bearer ${accessToken}`,
      },
    );
    expect(errorCode(stillSigned)).toBe('FORBIDDEN');
  });
});

describe('revokeApiKey', () => {
  it('is for OWNERs and ADMINs of the key’s organization; a second revocation is a typed error', async () => {
    const [owner, recruiter, outsider] = await Promise.all([signUp(world), signUp(world), signUp(world)]);
    const organization = await organizationOf(world, owner, [[recruiter, 'RECRUITER']]);
    const created = await createKey(owner, organization.id);
    for (const person of [recruiter, outsider]) {
      expect(
        errorCode(await gql(world, REVOKE, { input: { apiKeyId: created.apiKey!.id } }, person.headers)),
      ).toBe('FORBIDDEN');
    }
    expect((await keysOf(organization.id))[0]!['revoked_at']).toBeNull();
    await gql(world, REVOKE, { input: { apiKeyId: created.apiKey!.id } }, owner.headers);
    const again = await gql<{ revokeApiKey: { errors: UserErrorOf[] } }>(
      world,
      REVOKE,
      { input: { apiKeyId: created.apiKey!.id } },
      owner.headers,
    );
    expect(again.data!.revokeApiKey.errors).toMatchObject([
      { code: 'API_KEY_ALREADY_REVOKED', field: ['input', 'apiKeyId'] },
    ]);
    const unknown = await gql<{ revokeApiKey: { errors: UserErrorOf[] } }>(
      world,
      REVOKE,
      { input: { apiKeyId: '00000000-0000-4000-8000-00000000dead' } },
      owner.headers,
    );
    expect(unknown.data!.revokeApiKey.errors).toMatchObject([{ code: 'API_KEY_NOT_FOUND' }]);
  });
});
