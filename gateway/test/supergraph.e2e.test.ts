import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offers, organizations, profiles, users } from '@talentgraph/demo-data';
import { capturingLogger, graphqlRequest } from '@talentgraph/testing';
import type { RunningGateway } from '../src/gateway.ts';
import { startGatewayFor, startTestSupergraph, type TestSupergraph } from './helpers.ts';

/** One query, five subgraph hops: offers → users (organization) → matching → profiles → users. */
const OFFER_WITH_MATCHES = `
  query OfferWithMatches($id: ID!) {
    offer(id: $id) {
      title
      organization { name kind }
      matches(first: 3) {
        totalCount
        edges { node { score profile { headline user { displayName } } } }
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
      edges: { node: { score: number; profile: { headline: string; user: { displayName: string } } } }[];
    };
  };
};

const fullStackOffer = offers[0]!;
const fullStackDeveloper = profiles.find(
  (profile) => profile.headline === 'Full-stack TypeScript developer',
)!;

let supergraph: TestSupergraph;
const usersLog = capturingLogger('users');

beforeAll(async () => {
  supergraph = await startTestSupergraph({ loggers: { users: usersLog.logger } });
});

afterAll(async () => {
  await supergraph?.close();
});

describe('the supergraph through the gateway', () => {
  it('answers one query that crosses four subgraphs', async () => {
    const response = await graphqlRequest<OfferWithMatches>(supergraph.gateway.url, OFFER_WITH_MATCHES, {
      id: fullStackOffer.id,
    });
    expect(response.errors).toBeUndefined();
    const offer = response.data!.offer;
    expect(offer.title).toBe(fullStackOffer.title);
    expect(offer.organization).toEqual({ name: 'Acme Robotics', kind: 'COMPANY' });
    expect(offer.matches.totalCount).toBeGreaterThan(0);
    const best = offer.matches.edges[0]!.node;
    expect(best.profile).toEqual({
      headline: fullStackDeveloper.headline,
      user: { displayName: users.find((user) => user.id === fullStackDeveloper.userId)!.displayName },
    });
    const scores = offer.matches.edges.map((edge) => edge.node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('lists organizations with their offers, and users with their profile', async () => {
    const response = await graphqlRequest<{
      organizations: { edges: { node: { slug: string; offers: { totalCount: number } } }[] };
      user: { displayName: string; profile: { headline: string } | null };
    }>(
      supergraph.gateway.url,
      `query ($userId: ID!) {
        organizations(first: 10) { edges { node { slug offers(first: 2) { totalCount } } } }
        user(id: $userId) { displayName profile { headline } }
      }`,
      { userId: fullStackDeveloper.userId },
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
    expect(response.data!.user.profile).toEqual({ headline: fullStackDeveloper.headline });
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

  it('answers the example queries of the README without error', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const query of examples) {
      const response = await graphqlRequest(supergraph.gateway.url, query);
      expect(response.errors).toBeUndefined();
      expect(Object.values(response.data!).every((value) => value !== null)).toBe(true);
    }
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
