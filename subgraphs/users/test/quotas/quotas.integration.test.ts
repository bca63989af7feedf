import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, signAccessToken, type Viewer } from '@talentgraph/auth';
import { TEST_TOKEN_AUDIENCE, rows, startForTests } from '@talentgraph/testing';
import { consumeQuota, quotaStatuses, releaseQuota } from '../../src/quotas/quota-store.ts';
import {
  gql,
  organizationOf,
  signUp,
  startOrganizationsWorld,
  type Person,
} from '../support/organizations.ts';

const world = startForTests(startOrganizationsWorld);

const usageOf = async (organizationId: string, metric: string) =>
  (
    await rows<{ used: number }>(
      world,
      'select used from quota_usages where organization_id = $1 and metric = $2',
      [organizationId, metric],
    )
  )[0]?.used ?? 0;

async function call(
  organizationId: string,
  metric: string,
  body: unknown,
  headers: Record<string, string>,
  operation: 'consume' | 'release' = 'consume',
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(
    `${world.baseUrl}/internal/organizations/${organizationId}/quotas/${metric}/${operation}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    },
  );
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** A partner key row of `organizationId` and a token for it, as /auth/partner-token would issue. */
async function partnerOf(
  organizationId: string,
  options: { revoked?: boolean } = {},
): Promise<Record<string, string>> {
  const apiKeyId = randomUUID();
  await rows(
    world,
    `insert into api_keys (id, organization_id, name, key_id, secret_hash, created_at, revoked_at)
     values ($1, $2, 'test', $3, $4, now(), $5)`,
    [
      apiKeyId,
      organizationId,
      apiKeyId.replace(/-/g, '').slice(0, 16),
      'f'.repeat(64),
      options.revoked ? new Date() : null,
    ],
  );
  return world.issuer.headersFor({ kind: 'PARTNER', apiKeyId, organizationId, roles: ['PARTNER'] });
}

describe('consuming a quota over HTTP', () => {
  let owner: Person;
  let recruiter: Person;
  let outsider: Person;
  let organization: { id: string };

  beforeAll(async () => {
    [owner, recruiter, outsider] = await Promise.all([signUp(world), signUp(world), signUp(world)]);
    organization = await organizationOf(world, owner, [[recruiter, 'RECRUITER']]);
    await organizationOf(world, outsider);
  });

  it('takes units for a member and says what remains, until the plan’s limit; then 429 and nothing taken', async () => {
    const first = await call(organization.id, 'ACTIVE_OFFERS', { amount: 2 }, recruiter.headers);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.body).toEqual({
      organizationId: organization.id,
      metric: 'ACTIVE_OFFERS',
      amount: 2,
      used: 2,
      limit: 3,
      remaining: 1,
      resetsAt: null,
    });
    const tooMuch = await call(organization.id, 'ACTIVE_OFFERS', { amount: 2 }, owner.headers);
    expect(tooMuch.status).toBe(429);
    expect(tooMuch.body).toMatchObject({
      error: { code: 'QUOTA_EXCEEDED' },
      used: 2,
      limit: 3,
      remaining: 1,
    });
    expect(tooMuch.headers.get('retry-after')).toBeNull();
    expect(await usageOf(organization.id, 'ACTIVE_OFFERS')).toBe(2);
    const last = await call(organization.id, 'ACTIVE_OFFERS', { amount: 1 }, owner.headers);
    expect(last.body).toMatchObject({ used: 3, remaining: 0 });
  });

  it('says when a monthly quota resets, in the body and as Retry-After', async () => {
    const team = await organizationOf(world, owner);
    await call(team.id, 'PROFILE_UNLOCKS', { amount: 10 }, owner.headers);
    const refused = await call(team.id, 'PROFILE_UNLOCKS', { amount: 1 }, owner.headers);
    expect(refused.status).toBe(429);
    const now = new Date();
    const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    expect(refused.body['resetsAt']).toBe(nextMonth.toISOString());
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Math.abs(retryAfter - (nextMonth.getTime() - now.getTime()) / 1000)).toBeLessThan(60);
  });

  it('lets the organization’s partner key consume, not a revoked key nor another organization’s key', async () => {
    const team = await organizationOf(world, owner);
    expect((await call(team.id, 'API_CALLS', { amount: 1 }, await partnerOf(team.id))).status).toBe(200);
    expect(
      (await call(team.id, 'API_CALLS', { amount: 1 }, await partnerOf(team.id, { revoked: true }))).status,
    ).toBe(403);
    const otherKey = await partnerOf(organization.id);
    expect((await call(team.id, 'API_CALLS', { amount: 1 }, otherKey)).status).toBe(403);
    expect(await usageOf(team.id, 'API_CALLS')).toBe(1);
  });

  it('refuses outsiders (403), and anonymous, forged and ended-session callers (401), taking nothing', async () => {
    const outsiderAnswer = await call(organization.id, 'API_CALLS', { amount: 1 }, outsider.headers);
    expect(outsiderAnswer).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const anonymous = await call(organization.id, 'API_CALLS', { amount: 1 }, {});
    expect(anonymous).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    const forger = await generateSigningKey();
    const viewer: Viewer = {
      kind: 'USER',
      userId: owner.id,
      roles: ['RECRUITER'],
      memberships: [],
      sessionId: randomUUID(),
    };
    const forged = await signAccessToken(forger, viewer, TEST_TOKEN_AUDIENCE);
    expect(
      (await call(organization.id, 'API_CALLS', { amount: 1 }, { authorization: `Bearer ${forged.token}` }))
        .status,
    ).toBe(401);
    const leaving = await signUp(world);
    await rows(
      world,
      "insert into memberships (id, user_id, organization_id, role, joined_at) values (gen_random_uuid(), $1, $2, 'RECRUITER', now())",
      [leaving.id, organization.id],
    );
    await rows(world, 'update sessions set revoked_at = now() where user_id = $1', [leaving.id]);
    expect((await call(organization.id, 'API_CALLS', { amount: 1 }, leaving.headers)).status).toBe(401);
    expect(await usageOf(organization.id, 'API_CALLS')).toBe(0);
  });

  it.each([
    ['an unknown metric', 'organization', 'FOLLOWERS', { amount: 1 }],
    ['a malformed organization id', 'acme', 'API_CALLS', { amount: 1 }],
    ['no amount', 'organization', 'API_CALLS', {}],
    ['a zero amount', 'organization', 'API_CALLS', { amount: 0 }],
    ['a negative amount', 'organization', 'API_CALLS', { amount: -5 }],
    ['a fractional amount', 'organization', 'API_CALLS', { amount: 1.5 }],
    ['a huge amount', 'organization', 'API_CALLS', { amount: 10_001 }],
    ['an amount as text', 'organization', 'API_CALLS', { amount: '1' }],
  ])('answers 400 to %s', async (_case, target, metric, body) => {
    const answer = await call(
      target === 'organization' ? organization.id : target,
      metric,
      body,
      owner.headers,
    );
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST' } } });
    expect(await usageOf(organization.id, 'API_CALLS')).toBe(0);
  });
});

describe('concurrency', () => {
  it('lets exactly 10 of 50 simultaneous single-unit calls through a limit of 10', async () => {
    const owner = await signUp(world);
    const organization = await organizationOf(world, owner);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        call(organization.id, 'PROFILE_UNLOCKS', { amount: 1 }, owner.headers),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40);
    expect(
      (
        answers.filter((answer) => answer.status === 200).map((answer) => answer.body['used']) as number[]
      ).sort((a, b) => a - b),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await usageOf(organization.id, 'PROFILE_UNLOCKS')).toBe(10);
  });

  it('never exceeds the limit with uneven amounts, and never goes below zero when releasing', async () => {
    const owner = await signUp(world);
    const organization = await organizationOf(world, owner);
    const now = new Date();
    const amounts = Array.from({ length: 40 }, (_, index) => (index % 3) + 1);
    const outcomes = await Promise.all(
      amounts.map((amount) =>
        consumeQuota(
          world.subgraph.orm.em.fork(),
          { organizationId: organization.id, metric: 'ACTIVE_OFFERS', amount },
          now,
        ),
      ),
    );
    const taken = outcomes.reduce(
      (sum, outcome, index) => sum + (outcome.outcome === 'CONSUMED' ? amounts[index]! : 0),
      0,
    );
    const used = await usageOf(organization.id, 'ACTIVE_OFFERS');
    expect(used).toBe(taken);
    expect(used).toBeLessThanOrEqual(3);
    expect(used).toBeGreaterThanOrEqual(1);
    const releases = await Promise.all(
      Array.from({ length: 20 }, () =>
        releaseQuota(
          world.subgraph.orm.em.fork(),
          { organizationId: organization.id, metric: 'ACTIVE_OFFERS', amount: 1 },
          now,
        ),
      ),
    );
    expect(
      releases.reduce((sum, release) => sum + (release.outcome === 'RELEASED' ? release.released : 0), 0),
    ).toBe(used);
    expect(await usageOf(organization.id, 'ACTIVE_OFFERS')).toBe(0);
  });
});

describe('releasing', () => {
  it('gives back active offers over HTTP, never below zero, and refuses monthly metrics', async () => {
    const owner = await signUp(world);
    const organization = await organizationOf(world, owner);
    await call(organization.id, 'ACTIVE_OFFERS', { amount: 2 }, owner.headers);
    const released = await call(organization.id, 'ACTIVE_OFFERS', { amount: 5 }, owner.headers, 'release');
    expect(released).toMatchObject({ status: 200, body: { amount: 2, used: 0, remaining: 3 } });
    const nothingLeft = await call(organization.id, 'ACTIVE_OFFERS', { amount: 1 }, owner.headers, 'release');
    expect(nothingLeft).toMatchObject({ status: 200, body: { amount: 0, used: 0 } });
    const monthly = await call(organization.id, 'API_CALLS', { amount: 1 }, owner.headers, 'release');
    expect(monthly).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST' } } });
    const outsider = await signUp(world);
    expect(
      (await call(organization.id, 'ACTIVE_OFFERS', { amount: 1 }, outsider.headers, 'release')).status,
    ).toBe(403);
  });
});

describe('periods and plans', () => {
  it('starts monthly counters again each UTC month, while active offers carry over', async () => {
    const owner = await signUp(world);
    const organization = await organizationOf(world, owner);
    const em = () => world.subgraph.orm.em.fork();
    const october = new Date('2026-10-31T23:59:00Z');
    const november = new Date('2026-11-01T00:01:00Z');
    await consumeQuota(em(), { organizationId: organization.id, metric: 'API_CALLS', amount: 1000 }, october);
    await consumeQuota(
      em(),
      { organizationId: organization.id, metric: 'ACTIVE_OFFERS', amount: 3 },
      october,
    );
    expect(
      (await consumeQuota(em(), { organizationId: organization.id, metric: 'API_CALLS', amount: 1 }, october))
        .outcome,
    ).toBe('QUOTA_EXCEEDED');
    expect(
      (
        await consumeQuota(
          em(),
          { organizationId: organization.id, metric: 'API_CALLS', amount: 1 },
          november,
        )
      ).outcome,
    ).toBe('CONSUMED');
    expect(
      (
        await consumeQuota(
          em(),
          { organizationId: organization.id, metric: 'ACTIVE_OFFERS', amount: 1 },
          november,
        )
      ).outcome,
    ).toBe('QUOTA_EXCEEDED');
    const [statuses] = await quotaStatuses(em(), [organization.id], november);
    expect(statuses).toEqual([
      {
        metric: 'PROFILE_UNLOCKS',
        limit: 10,
        used: 0,
        remaining: 10,
        resetsAt: new Date('2026-12-01T00:00:00Z'),
      },
      { metric: 'ACTIVE_OFFERS', limit: 3, used: 3, remaining: 0, resetsAt: null },
      {
        metric: 'API_CALLS',
        limit: 1000,
        used: 1,
        remaining: 999,
        resetsAt: new Date('2026-12-01T00:00:00Z'),
      },
    ]);
  });

  it('applies a new plan’s limits at once, in Organization.quotas and for the next consumption', async () => {
    const owner = await signUp(world);
    const administrator = await signUp(world, { roles: ['ADMIN'] });
    const organization = await organizationOf(world, owner);
    await call(organization.id, 'ACTIVE_OFFERS', { amount: 3 }, owner.headers);
    expect((await call(organization.id, 'ACTIVE_OFFERS', { amount: 1 }, owner.headers)).status).toBe(429);
    await gql(
      world,
      'mutation ($input: ChangeOrganizationPlanInput!) { changeOrganizationPlan(input: $input) { errors { code } } }',
      { input: { organizationId: organization.id, plan: 'PRO' } },
      administrator.headers,
    );
    expect((await call(organization.id, 'ACTIVE_OFFERS', { amount: 1 }, owner.headers)).body).toMatchObject({
      used: 4,
      limit: 25,
    });
    const quotas = await gql<{
      organization: { plan: string; quotas: { metric: string; used: number; limit: number }[] };
    }>(
      world,
      `{ organization(id: "${organization.id}") { plan quotas { metric used limit } } }`,
      {},
      owner.headers,
    );
    expect(quotas.data!.organization.plan).toBe('PRO');
    expect(quotas.data!.organization.quotas).toContainEqual({ metric: 'ACTIVE_OFFERS', used: 4, limit: 25 });
    const asAdministrator = await gql<{ organization: { plan: string; members: unknown } }>(
      world,
      `{ organization(id: "${organization.id}") { plan members { totalCount } } }`,
      {},
      administrator.headers,
    );
    expect(asAdministrator.data!.organization).toEqual({ plan: 'PRO', members: null });
    expect(asAdministrator.errors!.map((error) => error.path)).toEqual([['organization', 'members']]);
  });
});
