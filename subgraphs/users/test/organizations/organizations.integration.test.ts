import { beforeAll, describe, expect, it } from 'vitest';
import { rows, startForTests } from '@talentgraph/testing';
import {
  addMember,
  errorCode,
  gql,
  organizationOf,
  signUp,
  startOrganizationsWorld,
  type Person,
  type UserErrorOf,
} from '../support/organizations.ts';

const world = startForTests(startOrganizationsWorld);

const countOf = async (sql: string, values: unknown[] = []) =>
  Number((await rows<{ count: string }>(world, sql, values))[0]!.count);

type OrganizationPayload = {
  organization: {
    id: string;
    name: string;
    slug: string;
    kind: string;
    description: string | null;
    city: string | null;
  } | null;
  errors: UserErrorOf[];
};

const CREATE = `mutation ($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { organization { id name slug kind description city } errors { code message field } }
}`;
const UPDATE = `mutation ($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) { organization { id name slug kind description city } errors { code message field } }
}`;
const CHANGE_PLAN = `mutation ($input: ChangeOrganizationPlanInput!) {
  changeOrganizationPlan(input: $input) { organization { id plan } errors { code field } }
}`;

describe('createOrganization', () => {
  it('makes the recruiter who creates it its OWNER, with a slug from the name', async () => {
    const recruiter = await signUp(world);
    const response = await gql<{ createOrganization: OrganizationPayload }>(
      world,
      CREATE,
      {
        input: {
          name: '  Atelier   Numérique ',
          kind: 'IT_SERVICES',
          description: 'Consultants',
          city: 'Lyon',
        },
      },
      recruiter.headers,
    );
    expect(response.errors).toBeUndefined();
    const { organization, errors } = response.data!.createOrganization;
    expect(errors).toEqual([]);
    expect(organization).toMatchObject({
      name: 'Atelier Numérique',
      slug: 'atelier-numerique',
      kind: 'IT_SERVICES',
      description: 'Consultants',
      city: 'Lyon',
    });
    expect(
      await rows(world, 'select user_id, role from memberships where organization_id = $1', [
        organization!.id,
      ]),
    ).toEqual([{ user_id: recruiter.id, role: 'OWNER' }]);
    expect(await rows(world, 'select plan from organizations where id = $1', [organization!.id])).toEqual([
      { plan: 'FREE' },
    ]);
  });

  it('gives organizations of the same name distinct slugs, even when created at the same moment', async () => {
    const recruiters = await Promise.all(Array.from({ length: 5 }, () => signUp(world)));
    const responses = await Promise.all(
      recruiters.map((recruiter) =>
        gql<{ createOrganization: OrganizationPayload }>(
          world,
          CREATE,
          { input: { name: 'Acme Twins', kind: 'COMPANY' } },
          recruiter.headers,
        ),
      ),
    );
    for (const response of responses) expect(response.errors).toBeUndefined();
    const slugs = responses.map((response) => response.data!.createOrganization.organization!.slug);
    expect([...slugs].sort()).toEqual([
      'acme-twins',
      'acme-twins-2',
      'acme-twins-3',
      'acme-twins-4',
      'acme-twins-5',
    ]);
  });

  it('refuses anyone who is not a signed-in recruiter, and writes nothing', async () => {
    const before = await countOf('select count(*) from organizations');
    const candidate = await signUp(world, { roles: ['CANDIDATE'] });
    const input = { input: { name: 'Not Allowed', kind: 'COMPANY' } };
    const anonymous = await gql(world, CREATE, input);
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    const asCandidate = await gql(world, CREATE, input, candidate.headers);
    expect(errorCode(asCandidate)).toBe('FORBIDDEN');
    const partner = await world.issuer.headersFor({
      kind: 'PARTNER',
      apiKeyId: '00000000-0000-4000-8000-000000000001',
      organizationId: '00000000-0000-4000-8000-000000000002',
      roles: ['PARTNER'],
    });
    expect(errorCode(await gql(world, CREATE, input, partner))).toBe('FORBIDDEN');
    expect(await countOf('select count(*) from organizations')).toBe(before);
  });

  it.each([
    ['a one-letter name', { name: 'A' }, 'INVALID_NAME', ['input', 'name']],
    ['a name without letters', { name: '***' }, 'INVALID_NAME', ['input', 'name']],
    ['a city too long', { name: 'Fine Name', city: 'x'.repeat(121) }, 'INVALID_CITY', ['input', 'city']],
    [
      'a description too long',
      { name: 'Fine Name', description: 'x'.repeat(5_001) },
      'INVALID_DESCRIPTION',
      ['input', 'description'],
    ],
  ])('answers %s with a typed error and writes nothing', async (_case, details, code, field) => {
    const recruiter = await signUp(world);
    const response = await gql<{ createOrganization: OrganizationPayload }>(
      world,
      CREATE,
      { input: { kind: 'COMPANY', ...details } },
      recruiter.headers,
    );
    expect(response.data!.createOrganization).toMatchObject({
      organization: null,
      errors: [{ code, field }],
    });
    expect(await countOf('select count(*) from memberships where user_id = $1', [recruiter.id])).toBe(0);
  });
});

describe('updateOrganization', () => {
  let owner: Person;
  let admin: Person;
  let recruiter: Person;
  let outsider: Person;
  let organization: { id: string; slug: string };

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
    await gql(
      world,
      UPDATE,
      { input: { organizationId: organization.id, description: 'Before', city: 'Nantes' } },
      owner.headers,
    );
  });

  it('lets an ADMIN change the details: omitted fields stay, null clears, the slug never changes', async () => {
    const response = await gql<{ updateOrganization: OrganizationPayload }>(
      world,
      UPDATE,
      { input: { organizationId: organization.id, name: 'Renamed Team', description: null } },
      admin.headers,
    );
    expect(response.data!.updateOrganization).toEqual({
      organization: {
        id: organization.id,
        name: 'Renamed Team',
        slug: organization.slug,
        kind: 'COMPANY',
        description: null,
        city: 'Nantes',
      },
      errors: [],
    });
  });

  it('refuses a RECRUITER of it and an outsider, leaving the row as it was', async () => {
    const before = await rows(world, 'select * from organizations where id = $1', [organization.id]);
    for (const person of [recruiter, outsider]) {
      const response = await gql(
        world,
        UPDATE,
        { input: { organizationId: organization.id, name: 'Hijacked' } },
        person.headers,
      );
      expect(errorCode(response)).toBe('FORBIDDEN');
    }
    expect(await rows(world, 'select * from organizations where id = $1', [organization.id])).toEqual(before);
  });

  it('answers an invalid change with typed errors, all at once, and writes nothing', async () => {
    const before = await rows(world, 'select * from organizations where id = $1', [organization.id]);
    const response = await gql<{ updateOrganization: OrganizationPayload }>(
      world,
      UPDATE,
      { input: { organizationId: organization.id, name: ' ', kind: null, city: 'x'.repeat(200) } },
      owner.headers,
    );
    expect(response.data!.updateOrganization.organization).toBeNull();
    expect(response.data!.updateOrganization.errors.map((error) => error.code)).toEqual([
      'INVALID_NAME',
      'INVALID_KIND',
      'INVALID_CITY',
    ]);
    expect(await rows(world, 'select * from organizations where id = $1', [organization.id])).toEqual(before);
  });

  it('tells an unknown organization from a malformed id', async () => {
    const unknown = await gql<{ updateOrganization: OrganizationPayload }>(
      world,
      UPDATE,
      { input: { organizationId: '00000000-0000-4000-8000-00000000dead', name: 'X Y' } },
      owner.headers,
    );
    expect(unknown.data!.updateOrganization.errors).toEqual([
      { code: 'ORGANIZATION_NOT_FOUND', message: expect.any(String), field: ['input', 'organizationId'] },
    ]);
    const malformed = await gql(
      world,
      UPDATE,
      { input: { organizationId: 'acme', name: 'X Y' } },
      owner.headers,
    );
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
  });
});

describe('changeOrganizationPlan', () => {
  it('is for platform administrators only; the OWNER of the organization is refused', async () => {
    const owner = await signUp(world);
    const administrator = await signUp(world, { roles: ['ADMIN'] });
    const organization = await organizationOf(world, owner);
    const refused = await gql(
      world,
      CHANGE_PLAN,
      { input: { organizationId: organization.id, plan: 'ENTERPRISE' } },
      owner.headers,
    );
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(await rows(world, 'select plan from organizations where id = $1', [organization.id])).toEqual([
      { plan: 'FREE' },
    ]);
    const changed = await gql<{ changeOrganizationPlan: { organization: { plan: string } } }>(
      world,
      CHANGE_PLAN,
      { input: { organizationId: organization.id, plan: 'PRO' } },
      administrator.headers,
    );
    expect(changed.errors).toBeUndefined();
    expect(await rows(world, 'select plan from organizations where id = $1', [organization.id])).toEqual([
      { plan: 'PRO' },
    ]);
    const unknown = await gql<{ changeOrganizationPlan: { errors: { code: string }[] } }>(
      world,
      CHANGE_PLAN,
      { input: { organizationId: '00000000-0000-4000-8000-00000000dead', plan: 'PRO' } },
      administrator.headers,
    );
    expect(unknown.data!.changeOrganizationPlan.errors[0]!.code).toBe('ORGANIZATION_NOT_FOUND');
  });
});

describe('private fields of an organization', () => {
  let owner: Person;
  let recruiter: Person;
  let outsider: Person;
  let organization: { id: string };
  let otherOrganization: { id: string };
  const PRIVATE = `plan quotas { metric limit used remaining } members { totalCount edges { node { role user { id } } } }
    invitations { totalCount } apiKeys { totalCount }`;
  const PRIVATE_FIELDS = ['plan', 'quotas', 'members', 'invitations', 'apiKeys'];

  beforeAll(async () => {
    [owner, recruiter, outsider] = await Promise.all([signUp(world), signUp(world), signUp(world)]);
    organization = await organizationOf(world, owner, [[recruiter, 'RECRUITER']]);
    otherOrganization = await organizationOf(world, outsider);
  });

  const byId = (id: string) => `{ organization(id: "${id}") { name ${PRIVATE} } }`;
  const forbiddenPaths = (response: {
    errors?: readonly { path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
  }) =>
    (response.errors ?? [])
      .filter((error) => error.extensions?.['code'] === 'FORBIDDEN')
      .map((error) => String(error.path?.at(-1)))
      .sort();

  it('shows the OWNER everything', async () => {
    const response = await gql<{ organization: Record<string, unknown> }>(
      world,
      byId(organization.id),
      {},
      owner.headers,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.organization).toMatchObject({
      plan: 'FREE',
      members: { totalCount: 2 },
      invitations: { totalCount: 0 },
      apiKeys: { totalCount: 0 },
    });
    expect(response.data!.organization['quotas']).toEqual([
      { metric: 'PROFILE_UNLOCKS', limit: 10, used: 0, remaining: 10 },
      { metric: 'ACTIVE_OFFERS', limit: 3, used: 0, remaining: 3 },
      { metric: 'API_CALLS', limit: 1000, used: 0, remaining: 1000 },
    ]);
  });

  it('shows a RECRUITER the team, the plan and the quotas, not invitations nor API keys', async () => {
    const response = await gql<{ organization: Record<string, unknown> }>(
      world,
      byId(organization.id),
      {},
      recruiter.headers,
    );
    expect(forbiddenPaths(response)).toEqual(['apiKeys', 'invitations']);
    expect(response.data!.organization).toMatchObject({
      plan: 'FREE',
      members: { totalCount: 2 },
      invitations: null,
      apiKeys: null,
    });
  });

  it('shows outsiders, anonymous callers and other organizations’ members only the public fields', async () => {
    for (const headers of [outsider.headers, {}]) {
      const response = await gql<{ organization: Record<string, unknown> }>(
        world,
        byId(organization.id),
        {},
        headers,
      );
      expect(forbiddenPaths(response)).toEqual([...PRIVATE_FIELDS].sort());
      expect(response.data!.organization['name']).toEqual(expect.any(String));
      for (const field of PRIVATE_FIELDS) expect(response.data!.organization[field]).toBeNull();
    }
    const ownTeam = await gql(world, byId(otherOrganization.id), {}, outsider.headers);
    expect(ownTeam.errors).toBeUndefined();
  });

  it('cannot be read through _entities by a non-member, in one batch with an organization they belong to', async () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Organization { id ${PRIVATE} } }
    }`;
    const representations = [
      { __typename: 'Organization', id: organization.id },
      { __typename: 'Organization', id: otherOrganization.id },
    ];
    const response = await gql<{ _entities: Record<string, unknown>[] }>(
      world,
      query,
      { representations },
      outsider.headers,
    );
    const forbidden = (response.errors ?? []).filter((error) => error.extensions?.['code'] === 'FORBIDDEN');
    expect(forbidden.map((error) => error.path).sort()).toEqual(
      PRIVATE_FIELDS.map((field) => ['_entities', 0, field]).sort(),
    );
    for (const field of PRIVATE_FIELDS) expect(response.data!._entities[0]![field]).toBeNull();
    expect(response.data!._entities[1]).toMatchObject({ plan: 'FREE', members: { totalCount: 1 } });
    const anonymous = await gql<{ _entities: Record<string, unknown>[] }>(world, query, { representations });
    expect(
      anonymous.data!._entities.every((entity) => PRIVATE_FIELDS.every((field) => entity[field] === null)),
    ).toBe(true);
  });

  it('stops showing the team to a member removed a moment ago, though their token still lists the membership', async () => {
    const leaving = await signUp(world);
    await addMember(world, organization.id, leaving, 'RECRUITER');
    const before = await gql(world, byId(organization.id), {}, leaving.headers);
    expect(forbiddenPaths(before)).toEqual(['apiKeys', 'invitations']);
    await rows(world, 'delete from memberships where user_id = $1', [leaving.id]);
    const after = await gql(world, byId(organization.id), {}, leaving.headers);
    expect(forbiddenPaths(after)).toEqual([...PRIVATE_FIELDS].sort());
  });

  it('pages through members, oldest first, loading every organization of a list in one go', async () => {
    const team = await Promise.all(Array.from({ length: 3 }, () => signUp(world)));
    const big = await organizationOf(
      world,
      owner,
      team.map((person) => [person, 'RECRUITER'] as const),
    );
    const query = `query ($id: ID!, $after: String) { organization(id: $id) { members(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { role user { id } } } } } }`;
    type Page = {
      organization: {
        members: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: { node: { role: string; user: { id: string } } }[];
        };
      };
    };
    const first = await gql<Page>(world, query, { id: big.id }, owner.headers);
    expect(first.data!.organization.members.totalCount).toBe(4);
    expect(first.data!.organization.members.edges[0]!.node).toEqual({
      role: 'OWNER',
      user: { id: owner.id },
    });
    const second = await gql<Page>(
      world,
      query,
      { id: big.id, after: first.data!.organization.members.pageInfo.endCursor },
      owner.headers,
    );
    const ids = [...first.data!.organization.members.edges, ...second.data!.organization.members.edges].map(
      (edge) => edge.node.user.id,
    );
    expect(ids).toEqual([owner.id, ...team.map((person) => person.id)].filter((id) => ids.includes(id)));
    expect(new Set(ids).size).toBe(4);
    expect(second.data!.organization.members.pageInfo.hasNextPage).toBe(false);
  });

  it('loads the private fields of many organizations with a fixed number of queries (no N+1)', async () => {
    const member = await signUp(world);
    const teams = await Promise.all(Array.from({ length: 6 }, () => organizationOf(world, member)));
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Organization { plan quotas { used } members(first: 5) { totalCount edges { node { role user { id } } } }
        invitations { totalCount } apiKeys { totalCount } } } }`;
    const count = async (organizationIds: readonly string[]) => {
      world.statements.length = 0;
      const response = await gql(
        world,
        query,
        { representations: organizationIds.map((id) => ({ __typename: 'Organization', id })) },
        member.headers,
      );
      expect(response.errors).toBeUndefined();
      return world.statements.filter((sql) => /\b(select|insert|update|delete)\b/i.test(sql)).length;
    };
    const forTwo = await count(teams.slice(0, 2).map((team) => team.id));
    const forSix = await count(teams.map((team) => team.id));
    expect(forTwo).toBeGreaterThan(0);
    expect(forSix).toBe(forTwo);
  });
});
