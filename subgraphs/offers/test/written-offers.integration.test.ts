import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest, startTestSubgraph, type TestSubgraph } from '@talentgraph/testing';
import type { OfferStatus } from '../src/domain/offer.ts';
import { effectiveStatus, isInCatalogue } from '../src/domain/visibility.ts';
import { OfferSchema } from '../src/entities/Offer.ts';
import { offersSubgraph } from '../src/subgraph.ts';

/**
 * Offers written here rather than taken from the demo data: expiry judged against the real clock (offers
 * that expired an hour ago or expire in an hour, so that the SQL filters and the domain rule of
 * domain/visibility.ts are compared on both sides of "now"), and skills changed after creation.
 */
let subgraph: TestSubgraph;
const organizationId = randomUUID();
const HOUR = 3_600_000;

interface Case {
  readonly name: string;
  readonly status: OfferStatus;
  readonly publishedHoursAgo: number | null;
  readonly expiresInHours: number | null;
}

const cases: readonly Case[] = [
  { name: 'open-ended', status: 'PUBLISHED', publishedHoursAgo: 1, expiresInHours: null },
  { name: 'expiring soon', status: 'PUBLISHED', publishedHoursAgo: 2, expiresInHours: 1 },
  { name: 'past its expiry date', status: 'PUBLISHED', publishedHoursAgo: 3, expiresInHours: -1 },
  { name: 'recorded as expired', status: 'EXPIRED', publishedHoursAgo: 4, expiresInHours: -24 },
  { name: 'closed', status: 'CLOSED', publishedHoursAgo: 5, expiresInHours: 24 },
  { name: 'draft', status: 'DRAFT', publishedHoursAgo: null, expiresInHours: 24 },
];
const idOf = new Map(cases.map((offer) => [offer.name, randomUUID()]));
const nameOf = (id: string) => cases.find((offer) => idOf.get(offer.name) === id)!.name;
let seededAt: Date;

beforeAll(async () => {
  subgraph = await startTestSubgraph(offersSubgraph, { seed: false });
  seededAt = new Date();
  const em = subgraph.orm.em.fork();
  for (const offer of cases) {
    em.create(OfferSchema, {
      id: idOf.get(offer.name)!,
      organizationId,
      kind: 'JOB',
      title: offer.name,
      description: `An offer that is ${offer.name}.`,
      contractType: 'PERMANENT',
      remotePolicy: 'REMOTE',
      requiredSkills: ['Go'],
      niceToHaveSkills: [],
      minYearsOfExperience: 0,
      status: offer.status,
      publishedAt:
        offer.publishedHoursAgo === null
          ? null
          : new Date(seededAt.getTime() - offer.publishedHoursAgo * HOUR),
      expiresAt:
        offer.expiresInHours === null ? null : new Date(seededAt.getTime() + offer.expiresInHours * HOUR),
    });
  }
  await em.flush();
});

afterAll(async () => {
  await subgraph?.close();
});

const expectedNames = (keep: (offer: Case) => boolean) => cases.filter(keep).map((offer) => offer.name);
const facts = (offer: Case) => ({
  status: offer.status,
  expiresAt:
    offer.expiresInHours === null ? null : new Date(seededAt.getTime() + offer.expiresInHours * HOUR),
});

type Page = { edges: { node: { id: string; status: OfferStatus } }[] };

describe('expiry', () => {
  it('keeps offers past their expiry date out of the catalogue, as the domain rule says', async () => {
    const response = await graphqlRequest<{ offers: Page }>(
      subgraph.url,
      '{ offers { edges { node { id status } } } }',
    );
    expect(response.errors).toBeUndefined();
    const listed = response.data!.offers.edges.map((edge) => nameOf(edge.node.id));
    expect(listed).toEqual(['open-ended', 'expiring soon']);
    expect(listed).toEqual(expectedNames((offer) => isInCatalogue(facts(offer), new Date())));
  });

  it('reads a published offer past its expiry date as EXPIRED, by id and by reference', async () => {
    const id = idOf.get('past its expiry date')!;
    const response = await graphqlRequest<{ offer: { status: string }; _entities: { status: string }[] }>(
      subgraph.url,
      `query ($id: ID!, $representations: [_Any!]!) {
        offer(id: $id) { status }
        _entities(representations: $representations) { ... on Offer { status } }
      }`,
      { id, representations: [{ __typename: 'Offer', id }] },
    );
    expect(response.data).toEqual({ offer: { status: 'EXPIRED' }, _entities: [{ status: 'EXPIRED' }] });
  });

  it("lists and filters an organization's offers by the status a reader sees", async () => {
    const response = await graphqlRequest<{ _entities: Record<string, Page>[] }>(
      subgraph.url,
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Organization {
            all: offers { edges { node { id status } } }
            published: offers(status: PUBLISHED) { edges { node { id status } } }
            expired: offers(status: EXPIRED) { edges { node { id status } } }
            closed: offers(status: CLOSED) { edges { node { id status } } }
          }
        }
      }`,
      { representations: [{ __typename: 'Organization', id: organizationId }] },
    );
    expect(response.errors).toBeUndefined();
    const lists = response.data!._entities[0]!;
    const namesIn = (list: string) => lists[list]!.edges.map((edge) => nameOf(edge.node.id));
    const now = new Date();
    const readAs = (status: OfferStatus) => (offer: Case) => effectiveStatus(facts(offer), now) === status;

    expect(namesIn('all')).toEqual(expectedNames((offer) => offer.status !== 'DRAFT'));
    expect(namesIn('published')).toEqual(expectedNames(readAs('PUBLISHED')));
    expect(namesIn('expired')).toEqual(['past its expiry date', 'recorded as expired']);
    expect(namesIn('expired')).toEqual(expectedNames(readAs('EXPIRED')));
    expect(namesIn('closed')).toEqual(['closed']);
    for (const edge of lists['all']!.edges) {
      const offer = cases.find((candidate) => candidate.name === nameOf(edge.node.id))!;
      expect(edge.node.status).toBe(effectiveStatus(facts(offer), now));
    }
  });
});

describe('skill search after an edit', () => {
  it('finds an offer by the skills it names now, not by those it named before', async () => {
    const em = subgraph.orm.em.fork();
    const offer = await em.findOneOrFail(OfferSchema, { id: idOf.get('open-ended')! });
    offer.requiredSkills = ['Rust'];
    offer.niceToHaveSkills = ['WebAssembly'];
    await em.flush();

    const search = async (skill: string) => {
      const response = await graphqlRequest<{ offers: Page }>(
        subgraph.url,
        'query ($skill: String) { offers(skill: $skill) { edges { node { id } } } }',
        { skill },
      );
      return response.data!.offers.edges.map((edge) => nameOf(edge.node.id));
    };
    expect(await search('rust')).toEqual(['open-ended']);
    expect(await search('WEBASSEMBLY')).toEqual(['open-ended']);
    expect(await search('go')).toEqual(['expiring soon']);
  });
});
