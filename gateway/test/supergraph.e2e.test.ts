import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offers, organizations, profiles, users } from '@talentgraph/demo-data';
import { capturingLogger, graphqlRequest } from '@talentgraph/testing';
import type { RunningGateway } from '../src/gateway.ts';
import { startGatewayFor, startTestSupergraph, type TestSupergraph } from './helpers.ts';

/**
 * One query, five subgraph hops: offers → users (organization) → matching → profiles → users. An offer's
 * candidates are its organization's (and moderators'), and a candidate's profile shows once the
 * organization unlocked it: the hops past matching are taken for those who may see them.
 */
const OFFER_WITH_MATCHES = `
  query OfferWithMatches($id: ID!) {
    offer(id: $id) {
      title
      organization { name kind }
      matches(first: 3) {
        totalCount
        edges { node { score criteria { criterion } profile { headline user { displayName } } } }
      }
    }
  }
`;

type OfferWithMatches = {
  offer: {
    title: string;
    organization: { name: string; kind: string };
    matches: {
      totalCount: number;
      edges: {
        node: {
          score: number;
          criteria: { criterion: string }[];
          profile: { headline: string; user: { displayName: string } } | null;
        };
      }[];
    } | null;
  };
};

const DEMO_PASSWORD = 'talentgraph-demo-2026';
const demoUser = (email: string) => users.find((user) => user.email === email)!;
/** Recruiter and owner of Acme Robotics, whose offer the tests read; Olav recruits for Nordlys. */
const claire = demoUser('claire.dubois@demo.talentgraph.dev');
const olav = demoUser('olav.hansen@demo.talentgraph.dev');
const julie = demoUser('julie.fontaine@demo.talentgraph.dev');

const fullStackOffer = offers[0]!;
const fullStackDeveloper = profiles.find(
  (profile) => profile.headline === 'Full-stack TypeScript developer',
)!;

let supergraph: TestSupergraph;
const usersLog = capturingLogger('users');

beforeAll(async () => {
  supergraph = await startTestSupergraph({ loggers: { users: usersLog.logger } });
});

/** The Authorization header of a demo account signed in through the gateway. */
async function signedInAs(email: string): Promise<Record<string, string>> {
  const response = await graphqlRequest<{ login: { session: { accessToken: string } } }>(
    supergraph.gateway.url,
    'mutation ($input: LoginInput!) { login(input: $input) { session { accessToken } } }',
    { input: { email, password: DEMO_PASSWORD } },
  );
  return { authorization: `Bearer ${response.data!.login.session.accessToken}` };
}

const offerWithMatches = (headers: Record<string, string> = {}) =>
  graphqlRequest<OfferWithMatches>(
    supergraph.gateway.url,
    OFFER_WITH_MATCHES,
    { id: fullStackOffer.id },
    headers,
  );

afterAll(async () => {
  await supergraph?.close();
});

describe('the supergraph through the gateway', () => {
  it("answers one query that crosses four subgraphs: a recruiter reads their offer's candidates, each profile once their organization unlocked it", async () => {
    const headers = await signedInAs(claire.email);
    const before = await offerWithMatches(headers);
    // Not unlocked yet: the scores and their reasons, no profile — null fields, not errors.
    expect(before.errors).toBeUndefined();
    const offer = before.data!.offer;
    expect(offer.title).toBe(fullStackOffer.title);
    expect(offer.organization).toEqual({ name: 'Acme Robotics', kind: 'COMPANY' });
    expect(offer.matches!.totalCount).toBeGreaterThan(0);
    expect(offer.matches!.edges.every((edge) => edge.node.profile === null)).toBe(true);
    expect(offer.matches!.edges[0]!.node.criteria.length).toBeGreaterThan(0);
    const scores = offer.matches!.edges.map((edge) => edge.node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const unlocked = await graphqlRequest<{ unlockProfile: { errors: unknown[]; alreadyUnlocked: boolean } }>(
      supergraph.gateway.url,
      'mutation ($input: UnlockProfileInput!) { unlockProfile(input: $input) { alreadyUnlocked errors { code } } }',
      { input: { profileId: fullStackDeveloper.id } },
      headers,
    );
    expect(unlocked.data!.unlockProfile).toEqual({ alreadyUnlocked: false, errors: [] });

    const after = await offerWithMatches(headers);
    expect(after.errors).toBeUndefined();
    const edges = after.data!.offer.matches!.edges;
    expect(edges[0]!.node.profile).toEqual({
      headline: fullStackDeveloper.headline,
      user: { displayName: users.find((user) => user.id === fullStackDeveloper.userId)!.displayName },
    });
    expect(edges.slice(1).every((edge) => edge.node.profile === null)).toBe(true);
  });

  it("shows an offer's candidates to moderators in full, to nobody outside its organization", async () => {
    const moderator = await offerWithMatches(await signedInAs(julie.email));
    expect(moderator.errors).toBeUndefined();
    expect(moderator.data!.offer.matches!.edges.every((edge) => edge.node.profile !== null)).toBe(true);
    const candidate = demoUser(users.find((user) => user.id === fullStackDeveloper.userId)!.email);
    for (const headers of [{}, await signedInAs(olav.email), await signedInAs(candidate.email)]) {
      const response = await offerWithMatches(headers);
      expect(response.errors).toBeUndefined();
      expect(response.data!.offer).toMatchObject({ title: fullStackOffer.title, matches: null });
    }
  });

  it("lists organizations with their offers, and users with their profile: a mentor's for anyone, a candidate's for no stranger", async () => {
    const mentor = profiles.find((profile) => profile.kind === 'MENTOR' && profile.status === 'VALIDATED')!;
    const response = await graphqlRequest<{
      organizations: { edges: { node: { slug: string; offers: { totalCount: number } } }[] };
      user: { displayName: string; profile: { headline: string } | null };
      candidate: { displayName: string; profile: { headline: string } | null };
    }>(
      supergraph.gateway.url,
      `query ($userId: ID!, $candidateId: ID!) {
        organizations(first: 10) { edges { node { slug offers(first: 2) { totalCount } } } }
        user(id: $userId) { displayName profile { headline } }
        candidate: user(id: $candidateId) { displayName profile { headline } }
      }`,
      { userId: mentor.userId, candidateId: fullStackDeveloper.userId },
    );
    expect(response.errors).toBeUndefined();
    const publishedOffersOf = (organizationId: string) =>
      offers.filter((offer) => offer.organizationId === organizationId && offer.status === 'PUBLISHED')
        .length;
    expect(
      Object.fromEntries(
        response.data!.organizations.edges.map(({ node }) => [node.slug, node.offers.totalCount]),
      ),
    ).toEqual(
      Object.fromEntries(
        organizations.map((organization) => [organization.slug, publishedOffersOf(organization.id)]),
      ),
    );
    expect(response.data!.user.profile).toEqual({ headline: mentor.headline });
    expect(response.data!.candidate.profile).toBeNull();
  });

  it('propagates the request id to the subgraphs and echoes it to the caller', async () => {
    const requestId = `e2e-${Date.now()}`;
    const response = await graphqlRequest(
      supergraph.gateway.url,
      OFFER_WITH_MATCHES,
      { id: fullStackOffer.id },
      { 'x-request-id': requestId },
    );
    expect(response.headers.get('x-request-id')).toBe(requestId);
    expect(
      usersLog.lines.some((line) => line['requestId'] === requestId && line['msg'] === 'graphql request'),
    ).toBe(true);
  });

  it('answers the example queries of the README without error, anonymously and signed in', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const headers of [{}, await signedInAs(claire.email)]) {
      for (const query of examples) {
        const response = await graphqlRequest(supergraph.gateway.url, query, {}, headers);
        expect(response.errors).toBeUndefined();
        expect(Object.values(response.data!).every((value) => value !== null)).toBe(true);
      }
    }
  });

  it("shows in the README's first example the candidates of Acme Robotics's offers to Claire Dubois, as the README says", async () => {
    type Example = {
      offers: {
        edges: {
          node: {
            title: string;
            organization: { name: string };
            matches: { edges: { node: { score: number; profile: unknown } }[] } | null;
          };
        }[];
      };
    };
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const example = /```graphql\n(query OffersWithBestCandidates[\s\S]*?)```/.exec(readme)![1]!;
    const read = async (headers: Record<string, string>) => {
      const response = await graphqlRequest<Example>(supergraph.gateway.url, example, {}, headers);
      expect(response.errors).toBeUndefined();
      return response.data!.offers.edges.map(({ node }) => node);
    };
    const anonymous = await read({});
    expect(anonymous.length).toBeGreaterThan(0);
    expect(anonymous.every((offer) => offer.matches === null)).toBe(true);
    const asClaire = await read(await signedInAs(claire.email));
    const acme = asClaire.filter((offer) => offer.organization.name === 'Acme Robotics');
    expect(acme.length).toBeGreaterThan(0);
    expect(acme.some((offer) => offer.matches!.edges.length > 0)).toBe(true);
    expect(asClaire.filter((offer) => !acme.includes(offer)).every((offer) => offer.matches === null)).toBe(
      true,
    );
  });

  it('answers /health and /ready', async () => {
    const base = supergraph.gateway.url.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect(await (await fetch(`${base}/ready`)).json()).toEqual({ status: 'ready' });
  });

  it('serves Apollo Sandbox to a browser outside production', async () => {
    const page = await fetch(supergraph.gateway.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('new window.EmbeddedSandbox');
  });
});

describe('the gateway in production', () => {
  let production: RunningGateway;

  beforeAll(async () => {
    production = await startGatewayFor(supergraph.subgraphs, {
      NODE_ENV: 'production',
      // Production is safelist-only by default (hardening.e2e.test.ts); free-form queries are let in here
      // so that introspection itself is what gets refused.
      SAFELIST_ONLY: 'false',
      ...supergraph.env,
    });
  });

  afterAll(async () => {
    await production?.stop();
  });

  it('refuses introspection', async () => {
    const response = await graphqlRequest(production.url, '{ __schema { types { name } } }');
    expect(response.errors![0]!.extensions!['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors![0]!.message).toMatch(/introspection/i);
  });

  it('shows the production landing page instead of Sandbox', async () => {
    const page = await fetch(production.url, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(html).not.toContain('new window.EmbeddedSandbox');
    expect(html).toContain('window.landingPage');
  });
});

// Last: it stops the profiles subgraph for good.
describe('the gateway when a subgraph is down', () => {
  beforeAll(async () => {
    await supergraph.subgraphs['profiles']!.stop();
  });

  it('returns what the other subgraphs give, with an error naming the missing one', async () => {
    const response = await graphqlRequest<{
      offer: { title: string; organization: { name: string } };
      profile: unknown;
    }>(
      supergraph.gateway.url,
      `query ($offerId: ID!, $profileId: ID!) {
        offer(id: $offerId) { title organization { name } }
        profile(id: $profileId) { headline }
      }`,
      { offerId: fullStackOffer.id, profileId: fullStackDeveloper.id },
    );
    expect(response.data!.offer).toEqual({
      title: fullStackOffer.title,
      organization: { name: 'Acme Robotics' },
    });
    expect(response.data!.profile).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.message).toMatch(/profiles subgraph is unavailable/);
    expect(response.errors![0]!.extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      serviceName: 'profiles',
    });
  });
});
