import { randomUUID } from 'node:crypto';
import { remoteKeySource, type KeySource, type Viewer } from '@talentgraph/auth';
import {
  graphqlRequest,
  startTestWorld,
  testUser,
  type GraphQLResponse,
  type TestWorld,
} from '@talentgraph/testing';
import type { MembershipRole } from '../../src/domain/organization.ts';
import { MembershipSchema } from '../../src/entities/Membership.ts';
import { SessionSchema } from '../../src/entities/Session.ts';
import { UserSchema } from '../../src/entities/User.ts';
import { usersSubgraph } from '../../src/subgraph.ts';

/**
 * The users subgraph for the organization, quota and API-key tests, without demo data: it trusts the test
 * issuer's tokens (people, signed in the test) and its own (partner tokens it issues at /auth/partner-token).
 */
export type OrganizationsWorld = TestWorld;

export async function startOrganizationsWorld(
  options: { eventsDatabaseUrl?: string } = {},
): Promise<OrganizationsWorld> {
  let ownKeys: KeySource | null = null;
  const world = await startTestWorld(usersSubgraph, {
    seed: false,
    keySource: (issuer) => (header, token) => {
      if (header.kid === issuer.signingKey.kid) return issuer.keySource(header, token);
      if (ownKeys === null) throw new Error('the subgraph is not started yet');
      return ownKeys(header, token);
    },
    ...options,
  });
  ownKeys = remoteKeySource(`${world.baseUrl}/.well-known/jwks.json`);
  return world;
}

export interface Person {
  readonly id: string;
  readonly email: string;
  /** Headers of a signed-in request of this person (a live session, a token of the test issuer). */
  readonly headers: { authorization: string };
}

/** A person with an account and a live session. */
export async function signUp(
  world: OrganizationsWorld,
  options: { roles?: Viewer['roles']; email?: string; locale?: 'EN' | 'FR'; displayName?: string } = {},
): Promise<Person> {
  const id = randomUUID();
  const email = options.email ?? `person-${id.slice(0, 8)}@example.com`;
  const roles = options.roles ?? ['RECRUITER'];
  const em = world.subgraph.orm.em.fork();
  em.create(UserSchema, {
    id,
    email,
    displayName: options.displayName ?? `Person ${id.slice(0, 4)}`,
    roles: [...roles],
    locale: options.locale ?? 'EN',
  });
  const session = em.create(SessionSchema, {
    user: id,
    expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
  });
  await em.flush();
  return {
    id,
    email,
    headers: await world.issuer.headersFor(testUser(id, { roles, sessionId: session.id })),
  };
}

/** Adds `person` to an organization directly in the database (the invitation flow has its own tests). */
export async function addMember(
  world: OrganizationsWorld,
  organizationId: string,
  person: Person,
  role: MembershipRole,
): Promise<void> {
  const em = world.subgraph.orm.em.fork();
  em.create(MembershipSchema, { user: person.id, organization: organizationId, role });
  await em.flush();
}

export function gql<Data = Record<string, unknown>>(
  world: OrganizationsWorld,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  return graphqlRequest<Data>(world.subgraph.url, query, variables, headers);
}

export interface UserErrorOf {
  code: string;
  message: string;
  field: string[] | null;
}

const CREATE = `mutation ($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { organization { id slug name } errors { code message field } }
}`;

/** An organization created through the API by `owner`, with more members added directly. */
export async function organizationOf(
  world: OrganizationsWorld,
  owner: Person,
  members: readonly (readonly [Person, MembershipRole])[] = [],
  name = `Team ${randomUUID().slice(0, 8)}`,
): Promise<{ id: string; slug: string; name: string }> {
  const response = await gql<{
    createOrganization: {
      organization: { id: string; slug: string; name: string } | null;
      errors: UserErrorOf[];
    };
  }>(world, CREATE, { input: { name, kind: 'COMPANY' } }, owner.headers);
  const organization = response.data?.createOrganization.organization;
  if (!organization) throw new Error(`createOrganization failed: ${JSON.stringify(response)}`);
  for (const [person, role] of members) await addMember(world, organization.id, person, role);
  return organization;
}

/** The code of the first GraphQL error (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, …). */
export function errorCode(response: GraphQLResponse<unknown>): unknown {
  return response.errors?.[0]?.extensions?.['code'];
}
