import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations, offers, users } from '@talentgraph/demo-data';
import {
  claimsOf,
  forgedTokens,
  graphqlRequest,
  queryDatabase,
  tokenFromMailbox,
  type GraphQLResponse,
} from '@talentgraph/testing';
import { issueAccessToken } from '@talentgraph/users-subgraph/access-tokens';
import { persistedRequest, startTestSupergraph, type TestSupergraph } from './helpers.ts';

/**
 * The attacks of the identity issue, each against the whole platform through the gateway, as an
 * attacker on the internet would try them. Every refusal is checked next to a control that succeeds
 * with the genuine credential, so that a test cannot pass because nothing works at all.
 */

const DEMO_PASSWORD = 'talentgraph-demo-2026';
const PASSWORD = 'violet-harbour-42-lantern';
const admin = users.find((user) => user.roles.includes('ADMIN'))!;
const acme = organizations.find((organization) => organization.slug === 'acme-robotics')!;
const acmeOwner = users.find((user) => user.membership?.organizationId === acme.id)!;
const otherOwner = users.find((user) => user.membership && user.membership.organizationId !== acme.id)!;
const acmeDraft = offers.find((offer) => offer.organizationId === acme.id && offer.status === 'DRAFT')!;

let supergraph: TestSupergraph;
let adminToken: string;

beforeAll(async () => {
  supergraph = await startTestSupergraph();
  adminToken = (await signIn(admin.email, DEMO_PASSWORD)).accessToken;
});

afterAll(async () => {
  await supergraph?.close();
});

interface Tokens {
  readonly sessionId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

const TOKENS = '{ sessionId accessToken refreshToken }';

function gateway<Data = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  return graphqlRequest<Data>(supergraph.gateway.url, query, variables, headers);
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const codeOf = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.['code'];
const uniqueEmail = (label: string) => `${label}.${randomBytes(5).toString('hex')}@example.com`;

async function signIn(email: string, password: string): Promise<Tokens> {
  const response = await gateway<{ login: { session: Tokens | null; errors: { code: string }[] } }>(
    `mutation ($input: LoginInput!) { login(input: $input) { session ${TOKENS} errors { code } } }`,
    { input: { email, password } },
  );
  const session = response.data?.login.session;
  if (!session) throw new Error(`sign-in failed: ${JSON.stringify(response.errors ?? response.data)}`);
  return session;
}

async function signUp(role = 'CANDIDATE', email = uniqueEmail(role.toLowerCase())) {
  const response = await gateway<{ register: { session: Tokens | null } }>(
    `mutation ($input: RegisterInput!) { register(input: $input) { session ${TOKENS} } }`,
    { input: { email, password: PASSWORD, displayName: 'Someone New', role } },
  );
  const session = response.data?.register.session;
  if (!session) throw new Error(`sign-up failed: ${JSON.stringify(response.errors ?? response.data)}`);
  return { ...session, email, userId: claimsOf(session.accessToken)['sub'] as string };
}

const ME = '{ me { email user { roles } } }';

/** The gateway refuses `token` with 401 UNAUTHENTICATED before any subgraph answers. */
async function expectRefusedAtGateway(token: string, message?: string): Promise<void> {
  const response = await gateway(ME, {}, bearer(token));
  expect(response.status).toBe(401);
  expect(response.data ?? null).toBeNull();
  expect(codeOf(response)).toBe('UNAUTHENTICATED');
  if (message) expect(response.errors![0]!.message).toBe(message);
}

async function usersRows<Row extends object = object>(sql: string, parameters: unknown[]): Promise<Row[]> {
  return queryDatabase<Row>(supergraph.subgraphs['users']!.database.url, sql, parameters);
}

describe('forged and stale access tokens', () => {
  it('refuses every classic forgery at the gateway and at a subgraph called directly', async () => {
    const candidate = await signUp();
    expect((await gateway(ME, {}, bearer(candidate.accessToken))).data).toMatchObject({
      me: { email: candidate.email },
    });
    const jwks = (await (
      await fetch(supergraph.subgraphs['users']!.url.replace('/graphql', '/.well-known/jwks.json'))
    ).json()) as { keys: { kid: string; x: string }[] };
    const forgeries = await forgedTokens(candidate.accessToken, jwks.keys[0]!);
    expect(forgeries.map((forgery) => forgery.attack)).toEqual([
      'alg: none',
      'HS256 keyed with the raw public key',
      'HS256 keyed with the public JWK text',
      'own key under an unknown kid',
      'own key under the real kid',
      'tampered payload under the genuine signature',
    ]);
    for (const { token, refusal } of forgeries) {
      await expectRefusedAtGateway(token, refusal);
      const direct = await graphqlRequest(
        supergraph.subgraphs['profiles']!.url,
        '{ __typename }',
        {},
        bearer(token),
      );
      expect([direct.status, codeOf(direct)]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });

  it('refuses an expired token even though its session is still live', async () => {
    const candidate = await signUp();
    const { token } = await issueAccessToken(
      supergraph.subgraphs['users']!.orm.em.fork(),
      {
        kind: 'USER',
        userId: candidate.userId,
        roles: ['CANDIDATE'],
        memberships: [],
        sessionId: candidate.sessionId,
      },
      new Date(Date.now() - 16 * 60 * 1000),
    );
    await expectRefusedAtGateway(token, 'The access token has expired; refresh it.');
    expect((await gateway(ME, {}, bearer(candidate.accessToken))).status).toBe(200);
  });
});

describe('refresh tokens', () => {
  it('a spent refresh token presented again ends the whole session, for the thief and the owner', async () => {
    const victim = await signUp();
    const refresh = (refreshToken: string) =>
      gateway<{ refreshToken: { session: Tokens | null } }>(
        `mutation ($input: RefreshTokenInput!) { refreshToken(input: $input) { session ${TOKENS} } }`,
        { input: { refreshToken } },
      );
    const rotated = (await refresh(victim.refreshToken)).data!.refreshToken.session!;
    expect(rotated.refreshToken).not.toBe(victim.refreshToken);

    const replay = await refresh(victim.refreshToken);
    expect(codeOf(replay)).toBe('UNAUTHENTICATED');
    expect(codeOf(await refresh(rotated.refreshToken))).toBe('UNAUTHENTICATED');
    await expectRefusedAtGateway(rotated.accessToken, 'This session has ended; sign in again.');
    const [session] = await usersRows<{ end_reason: string }>(
      'select end_reason from sessions where id = $1',
      [victim.sessionId],
    );
    expect(session!.end_reason).toBe('REFRESH_TOKEN_REUSE');
  });
});

describe('tokens of accounts that were disabled or deleted', () => {
  it('a disabled account is refused at once, and again once re-enabled it signs in afresh', async () => {
    const person = await signUp();
    const disable = await gateway<{ disableUser: { errors: unknown[] } }>(
      'mutation ($input: DisableUserInput!) { disableUser(input: $input) { errors { code } } }',
      { input: { userId: person.userId } },
      bearer(adminToken),
    );
    expect(disable.data!.disableUser.errors).toEqual([]);
    await expectRefusedAtGateway(person.accessToken, 'This session has ended; sign in again.');
    await expect(signIn(person.email, PASSWORD)).rejects.toThrow('ACCOUNT_DISABLED');

    await gateway(
      'mutation ($input: EnableUserInput!) { enableUser(input: $input) { errors { code } } }',
      { input: { userId: person.userId } },
      bearer(adminToken),
    );
    await expectRefusedAtGateway(person.accessToken);
    const fresh = await signIn(person.email, PASSWORD);
    expect((await gateway(ME, {}, bearer(fresh.accessToken))).data).toMatchObject({
      me: { email: person.email },
    });
  });

  it('a deleted account is refused, its still unexpired token notwithstanding', async () => {
    const person = await signUp();
    expect((await gateway(ME, {}, bearer(person.accessToken))).status).toBe(200);
    await usersRows('delete from users where id = $1', [person.userId]);
    await expectRefusedAtGateway(person.accessToken, 'This session has ended; sign in again.');
  });
});

describe('role escalation', () => {
  it('signing up as ADMIN or MODERATOR is FORBIDDEN and creates no account', async () => {
    for (const role of ['ADMIN', 'MODERATOR']) {
      const email = uniqueEmail('climber');
      const response = await gateway(
        'mutation ($input: RegisterInput!) { register(input: $input) { session { accessToken } } }',
        { input: { email, password: PASSWORD, displayName: 'Climber', role } },
      );
      expect(codeOf(response)).toBe('FORBIDDEN');
      expect(await usersRows('select 1 from users where email = $1', [email])).toEqual([]);
    }
  });

  it('updateMe has no way to set roles, and a candidate cannot grant themselves one', async () => {
    const candidate = await signUp();
    const smuggled = await gateway(
      'mutation { updateMe(input: { displayName: "Root", roles: [ADMIN] }) { account { user { roles } } } }',
      {},
      bearer(candidate.accessToken),
    );
    expect(codeOf(smuggled)).toBe('GRAPHQL_VALIDATION_FAILED');
    const granted = await gateway(
      'mutation ($input: GrantRoleInput!) { grantRole(input: $input) { errors { code } } }',
      { input: { userId: candidate.userId, role: 'ADMIN' } },
      bearer(candidate.accessToken),
    );
    expect(codeOf(granted)).toBe('FORBIDDEN');
    const [row] = await usersRows<{ roles: string[]; display_name: string }>(
      'select roles, display_name from users where id = $1',
      [candidate.userId],
    );
    expect(row).toEqual({ roles: ['CANDIDATE'], display_name: 'Someone New' });
  });

  it('a RECRUITER member cannot make themselves OWNER, invite, or create partner keys', async () => {
    const ownerToken = (await signIn(acmeOwner.email, DEMO_PASSWORD)).accessToken;
    const recruiterEmail = uniqueEmail('recruiter');
    const invite = await gateway<{ inviteMember: { errors: unknown[] } }>(
      'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { errors { code } } }',
      { input: { organizationId: acme.id, email: recruiterEmail, role: 'RECRUITER' } },
      bearer(ownerToken),
    );
    expect(invite.data!.inviteMember.errors).toEqual([]);
    const recruiter = await signUp('RECRUITER', recruiterEmail);
    const invitationToken = await tokenFromMailbox(
      supergraph.subgraphs['users']!.url,
      recruiterEmail,
      'ORGANIZATION_INVITATION',
    );
    const accepted = await gateway<{ acceptInvitation: { errors: unknown[] } }>(
      'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { errors { code } } }',
      { input: { token: invitationToken } },
      bearer(recruiter.accessToken),
    );
    expect(accepted.data!.acceptInvitation.errors).toEqual([]);
    const member = bearer((await signIn(recruiterEmail, PASSWORD)).accessToken);

    const attempts = [
      gateway(
        'mutation ($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { errors { code } } }',
        { input: { organizationId: acme.id, userId: recruiter.userId, role: 'OWNER' } },
        member,
      ),
      gateway(
        'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { errors { code } } }',
        { input: { organizationId: acme.id, email: uniqueEmail('accomplice'), role: 'ADMIN' } },
        member,
      ),
      gateway(
        'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
        { input: { organizationId: acme.id, name: 'exfiltration' } },
        member,
      ),
    ];
    expect((await Promise.all(attempts)).map(codeOf)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    const [membership] = await usersRows<{ role: string }>(
      'select role from memberships where user_id = $1 and organization_id = $2',
      [recruiter.userId, acme.id],
    );
    expect(membership!.role).toBe('RECRUITER');
    expect(await usersRows('select 1 from api_keys where name = $1', ['exfiltration'])).toEqual([]);
  });
});

describe('cross-organization access', () => {
  const DRAFTS = `query ($id: ID!) { organization(id: $id) { offers(status: DRAFT) { edges { node { id } } } } }`;
  const OFFER = 'query ($id: ID!) { offer(id: $id) { id status } }';

  it("another organization's owner reads none of its drafts and changes none of it", async () => {
    const owner = bearer((await signIn(acmeOwner.email, DEMO_PASSWORD)).accessToken);
    const outsider = bearer((await signIn(otherOwner.email, DEMO_PASSWORD)).accessToken);
    const own = await gateway<{ organization: { offers: { edges: { node: { id: string } }[] } } }>(
      DRAFTS,
      { id: acme.id },
      owner,
    );
    expect(own.data!.organization.offers.edges.map((edge) => edge.node.id)).toContain(acmeDraft.id);
    expect((await gateway(OFFER, { id: acmeDraft.id }, owner)).data).toEqual({
      offer: { id: acmeDraft.id, status: 'DRAFT' },
    });

    expect(codeOf(await gateway(DRAFTS, { id: acme.id }, outsider))).toBe('FORBIDDEN');
    expect((await gateway(OFFER, { id: acmeDraft.id }, outsider)).data).toEqual({ offer: null });
    const changes = [
      gateway(
        'mutation ($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { errors { code } } }',
        { input: { organizationId: acme.id, name: 'Taken Over' } },
        outsider,
      ),
      gateway(
        'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { errors { code } } }',
        { input: { organizationId: acme.id, email: uniqueEmail('insider'), role: 'OWNER' } },
        outsider,
      ),
      gateway(
        'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
        { input: { organizationId: acme.id, name: 'cross-organization' } },
        outsider,
      ),
    ];
    expect((await Promise.all(changes)).map(codeOf)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    const [organization] = await usersRows<{ name: string }>('select name from organizations where id = $1', [
      acme.id,
    ]);
    expect(organization!.name).toBe(acme.name);
  });

  it('_entities called directly on a subgraph is no way around it', async () => {
    const outsider = await signIn(otherOwner.email, DEMO_PASSWORD);
    const response = await graphqlRequest(
      supergraph.subgraphs['offers']!.url,
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Offer { id status } } }',
      { representations: [{ __typename: 'Offer', id: acmeDraft.id }] },
      bearer(outsider.accessToken),
    );
    expect(response.data).toEqual({ _entities: [null] });
  });

  it("a partner key reads its own organization's drafts only, and stops working once revoked", async () => {
    const owner = bearer((await signIn(acmeOwner.email, DEMO_PASSWORD)).accessToken);
    const created = await gateway<{ createApiKey: { apiKey: { id: string }; secret: string } }>(
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } secret } }',
      { input: { organizationId: acme.id, name: 'attack-suite partner' } },
      owner,
    );
    const partner = { 'x-api-key': created.data!.createApiKey.secret };
    // Partners run persisted operations only (schema/operations/partners).
    const drafts = (slug: string) =>
      persistedRequest<{ organization: { offers: { edges: { node: { status: string } }[] } } }>(
        supergraph.gateway.url,
        'OrganizationOffers',
        { slug, status: 'DRAFT' },
        partner,
      );
    const own = await drafts(acme.slug);
    expect(own.errors).toBeUndefined();
    expect(own.data!.organization.offers.edges.length).toBeGreaterThan(0);
    expect(own.data!.organization.offers.edges.every(({ node }) => node.status === 'DRAFT')).toBe(true);
    const otherOrganization = organizations.find(
      (organization) => organization.id === otherOwner.membership!.organizationId,
    )!;
    expect(codeOf(await drafts(otherOrganization.slug))).toBe('FORBIDDEN');

    await gateway(
      'mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { errors { code } } }',
      { input: { apiKeyId: created.data!.createApiKey.apiKey.id } },
      owner,
    );
    const revoked = await drafts(acme.slug);
    expect([revoked.status, codeOf(revoked)]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('brute force', () => {
  it('guessing passwords is cut off with RATE_LIMITED, 429 and Retry-After, even for the right password', async () => {
    const target = await signUp();
    const attempt = (password: string) =>
      gateway<{ login: { errors: { code: string }[] } | null }>(
        'mutation ($input: LoginInput!) { login(input: $input) { session { accessToken } errors { code } } }',
        { input: { email: target.email, password } },
      );
    const answers: GraphQLResponse<{ login: { errors: { code: string }[] } | null }>[] = [];
    for (let guess = 0; guess < 6; guess += 1) answers.push(await attempt(`wrong-guess-number-${guess}`));
    expect(answers.slice(0, 5).map((answer) => answer.data!.login!.errors[0]!.code)).toEqual(
      Array(5).fill('INVALID_CREDENTIALS'),
    );
    const limited = answers[5]!;
    expect(limited.status).toBe(429);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    const rightPassword = await attempt(PASSWORD);
    expect([rightPassword.status, codeOf(rightPassword)]).toEqual([429, 'RATE_LIMITED']);
  });
});
