import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startForTests } from '@talentgraph/testing';
import type { Viewer } from '@talentgraph/auth';
import { organizations, profiles } from '@talentgraph/demo-data';
import {
  MUTATIONS,
  countSelects,
  errorCodes,
  everything,
  newPerson,
  request,
  rows,
  startProfilesWorld,
  submittableProfile,
  succeed,
} from '../support/world.ts';
import { recruiterOf } from './fixtures.ts';

/**
 * searchProfiles through the subgraph's API: who may search, what a hit shows (and never shows), the
 * search documents following every change of a profile in its transaction, pages, and refusals.
 */
const world = startForTests(startProfilesWorld);

const [acme, nordlys] = organizations;
const candidates = profiles.filter(
  (profile) => profile.status === 'VALIDATED' && profile.kind === 'CANDIDATE',
);
const amina = candidates.find((profile) => profile.headline === 'Full-stack TypeScript developer')!;

const acmeRecruiter = recruiterOf(acme!.id);
const nordlysRecruiter = recruiterOf(nordlys!.id);

const SEARCH = `query ($query: String, $filters: ProfileSearchFilters, $sort: ProfileSearchSort, $first: Int,
    $after: String, $organizationId: ID) {
  searchProfiles(query: $query, filters: $filters, sort: $sort, first: $first, after: $after,
      organizationId: $organizationId) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      cursor
      node {
        id score highlight headline desiredTitles yearsOfExperience
        skills { skill { id name } level yearsOfExperience }
        location { city countryCode coordinates { latitude longitude } }
        remotePreference languages { code level } availableFrom contractTypes
        salaryExpectation { minimum { amount currency } maximum { amount currency } period }
        jobSearchStatus experiences { title contractType months current } education { level fieldOfStudy }
        unlocked profile { id }
      }
    }
  }
}`;

interface Hit {
  id: string;
  score: number;
  highlight: string | null;
  headline: string | null;
  location: { city: string | null; countryCode: string; coordinates: unknown } | null;
  unlocked: boolean;
  profile: { id: string } | null;
  [field: string]: unknown;
}
interface SearchData {
  searchProfiles: {
    totalCount: number;
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
    edges: { cursor: string; node: Hit }[];
  };
}

const search = (viewer: Viewer | null, variables: Record<string, unknown> = {}) =>
  request<SearchData>(world, viewer, SEARCH, variables);

async function hitsOf(viewer: Viewer, variables: Record<string, unknown> = {}): Promise<Hit[]> {
  const response = await search(viewer, variables);
  expect(response.errors).toBeUndefined();
  return response.data!.searchProfiles.edges.map((edge) => edge.node);
}

const headlinesOf = (hits: Hit[]) => hits.map((hit) => hit.headline).sort();

/** The tables search reads and writes, besides those every refusal must leave as they were. */
async function searchTables(): Promise<Record<string, unknown[]>> {
  return {
    ...(await everything(world)),
    documents: await rows(world, 'select * from profile_search_documents order by profile_id'),
    unlocks: await rows(world, 'select * from profile_unlocks order by id'),
  };
}

describe('searchProfiles', () => {
  it('finds the validated, discoverable candidates for a recruiter of an organization, anonymized', async () => {
    const response = await search(acmeRecruiter, { first: 20 });
    expect(response.errors).toBeUndefined();
    const { totalCount, edges } = response.data!.searchProfiles;
    expect(totalCount).toBe(candidates.length);
    const hits = edges.map((edge) => edge.node);
    expect(headlinesOf(hits)).toEqual(candidates.map((profile) => profile.headline).sort());
    const lyon = hits.find((hit) => hit.headline === amina.headline)!;
    expect(lyon).toMatchObject({
      location: { city: 'Lyon', countryCode: 'FR', coordinates: null },
      yearsOfExperience: 5,
      desiredTitles: amina.desiredTitles,
      contractTypes: ['PERMANENT'],
      salaryExpectation: {
        minimum: { amount: 55_000, currency: 'EUR' },
        maximum: { amount: 68_000, currency: 'EUR' },
        period: 'YEAR',
      },
      experiences: [
        { title: 'Full-stack developer', contractType: 'PERMANENT', current: true },
        { title: 'Front-end developer', contractType: 'PERMANENT', months: 18, current: false },
      ],
      education: [{ level: 'MASTER', fieldOfStudy: 'Computer science' }],
      unlocked: false,
      profile: null,
    });
    // Nothing that names or locates anyone: ids, employers, schools, degrees, free texts, coordinates.
    const serialized = JSON.stringify(response.data);
    for (const candidate of candidates) {
      const revealing = [
        candidate.id,
        candidate.userId,
        candidate.summary,
        String(candidate.latitude),
        ...candidate.experiences.flatMap((experience) => [
          experience.organizationName,
          experience.description,
        ]),
        ...candidate.education.flatMap((education) => [education.institution, education.degree]),
        ...candidate.certifications.map((certification) => certification.credentialId),
      ].filter((text): text is string => typeof text === 'string' && text !== '');
      for (const text of revealing) expect(serialized).not.toContain(text);
    }
  });

  it('searches words, filters and orders through the API, with highlights as escaped HTML', async () => {
    const hits = await hitsOf(acmeRecruiter, {
      query: 'react developer',
      filters: {
        skillIds: ['typescript'],
        near: { latitude: 45.75, longitude: 4.85, radiusKm: 50 },
        languages: [{ code: 'en', minimumLevel: 'B2' }],
        contractTypes: ['PERMANENT', 'FREELANCE'],
        salary: { minimum: 4_500, maximum: 6_000, currency: 'EUR', period: 'MONTH' },
      },
    });
    expect(hits.map((hit) => hit.headline)).toEqual([amina.headline]);
    expect(hits[0]!.score).toBeGreaterThan(0);
    expect(hits[0]!.highlight).toContain('<mark>developer</mark>');
    const byYears = await hitsOf(acmeRecruiter, { sort: 'YEARS_OF_EXPERIENCE' });
    const years = byYears.map((hit) => hit.yearsOfExperience as number);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it('pages with cursors of the same search, bounded by first', async () => {
    const first = (await search(acmeRecruiter, { first: 3 })).data!.searchProfiles;
    expect(first.edges).toHaveLength(3);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = (await search(acmeRecruiter, { first: 3, after: first.pageInfo.endCursor })).data!
      .searchProfiles;
    expect(next.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(next.totalCount).toBe(candidates.length);
    const all = (await hitsOf(acmeRecruiter)).map((hit) => hit.id);
    expect([...first.edges, ...next.edges].map((edge) => edge.node.id)).toEqual(all);
  });

  it('reads a page in a constant number of statements, however many hits it has', async () => {
    const one = await countSelects(world, () => search(acmeRecruiter, { first: 1 }));
    const four = await countSelects(world, () => search(acmeRecruiter, { first: 4 }));
    expect(four).toBe(one);
    expect(one).toBeLessThanOrEqual(3);
  });
});

describe('search documents follow the profiles, in their transactions', () => {
  const moderator = newPerson({ roles: ['MODERATOR'] });
  const GRID = [
    'COMPLETENESS',
    'CLARITY',
    'EXPERIENCE_CREDIBILITY',
    'SKILLS_EVIDENCE',
    'PROFESSIONALISM',
  ].map((criterion) => ({ criterion, score: 4 }));
  const found = async (viewer: Viewer, headline: string) =>
    (await hitsOf(viewer, { query: headline })).some((hit) => hit.headline === headline);

  async function validatedCandidate(headline: string) {
    const person = newPerson();
    const profileId = await submittableProfile(world, person, { headline });
    await succeed(world, person, MUTATIONS.submit, { profileId });
    await succeed(
      world,
      moderator,
      'mutation ($input: ClaimProfileReviewInput!) { claimProfileReview(input: $input) { errors { code message field } } }',
      { profileId },
    );
    await succeed(
      world,
      moderator,
      'mutation ($input: ValidateProfileInput!) { validateProfile(input: $input) { errors { code message field } } }',
      { profileId, assessment: GRID },
    );
    return { person, profileId };
  }

  it('adds a profile when it is validated, not before', async () => {
    const person = newPerson();
    const profileId = await submittableProfile(world, person, { headline: 'Kotlin backend engineer' });
    await succeed(world, person, MUTATIONS.submit, { profileId });
    expect(await found(acmeRecruiter, 'Kotlin backend engineer')).toBe(false);
    await validatedCandidate('Elixir backend engineer');
    expect(await found(acmeRecruiter, 'Elixir backend engineer')).toBe(true);
  });

  it('follows discoverability and hidden organizations; a profile back in the index gets a new hit id', async () => {
    const { person, profileId } = await validatedCandidate('Scala data platform engineer');
    const hitId = async (viewer: Viewer) =>
      (await hitsOf(viewer, { query: 'Scala data platform' })).find(
        (hit) => hit.headline === 'Scala data platform engineer',
      )?.id ?? null;
    const before = await hitId(acmeRecruiter);
    expect(before).not.toBeNull();
    await succeed(world, person, MUTATIONS.updatePreferences, { profileId, discoverable: false });
    expect(await hitId(acmeRecruiter)).toBeNull();
    await succeed(world, person, MUTATIONS.updatePreferences, {
      profileId,
      discoverable: true,
      hiddenFromOrganizationIds: [acme!.id],
    });
    expect(await hitId(acmeRecruiter)).toBeNull();
    expect(await hitId(nordlysRecruiter)).not.toBeNull();
    await succeed(world, person, MUTATIONS.updatePreferences, { profileId, hiddenFromOrganizationIds: [] });
    const after = await hitId(acmeRecruiter);
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
  });

  it('updates a hit (same id) when the profile changes, and drops it when a key-field edit sends it back to review', async () => {
    const { person, profileId } = await validatedCandidate('Rust embedded engineer');
    const [before] = await hitsOf(acmeRecruiter, { query: 'Rust embedded engineer' });
    await succeed(world, person, MUTATIONS.updateProfile, { profileId, availableFrom: '2027-03-01' });
    const [hit] = await hitsOf(acmeRecruiter, { query: 'Rust embedded engineer' });
    expect(hit).toMatchObject({
      id: before!.id,
      headline: 'Rust embedded engineer',
      availableFrom: '2027-03-01',
    });
    await succeed(world, person, MUTATIONS.updateProfile, { profileId, headline: 'Rust firmware engineer' });
    expect(await found(acmeRecruiter, 'Rust firmware engineer')).toBe(false);
    expect(await found(acmeRecruiter, 'Rust embedded engineer')).toBe(false);
  });

  it('leaves the document as it was when an edit is refused', async () => {
    const { person, profileId } = await validatedCandidate('Go platform engineer');
    const document = () =>
      rows(world, 'select * from profile_search_documents where profile_id = $1', [profileId]);
    const before = await document();
    const response = await request<{ updateProfile: { errors: { code: string }[] } }>(
      world,
      person,
      MUTATIONS.updateProfile,
      { input: { profileId, yearsOfExperience: 61, availableFrom: '2027-03-01' } },
    );
    expect(response.data!.updateProfile.errors.map((error) => error.code)).toEqual(['OUT_OF_RANGE']);
    expect(await document()).toEqual(before);
  });

  it('removes the document with the profile', async () => {
    const { person, profileId } = await validatedCandidate('Haskell compiler engineer');
    await succeed(
      world,
      person,
      'mutation ($input: DeleteProfileInput!) { deleteProfile(input: $input) { deletedProfileId errors { code message field } } }',
      { profileId },
    );
    expect(
      await rows(world, 'select 1 from profile_search_documents where profile_id = $1', [profileId]),
    ).toEqual([]);
    expect(await found(acmeRecruiter, 'Haskell compiler engineer')).toBe(false);
  });
});

describe('searchProfiles refuses', () => {
  it.each<[string, Record<string, unknown>, string, string[]]>([
    [
      'negative years',
      { filters: { minYearsOfExperience: -1 } },
      'OUT_OF_RANGE',
      ['filters', 'minYearsOfExperience'],
    ],
    [
      'years the wrong way round',
      { filters: { minYearsOfExperience: 8, maxYearsOfExperience: 3 } },
      'OUT_OF_RANGE',
      ['filters', 'maxYearsOfExperience'],
    ],
    [
      'an unknown skill id',
      { filters: { skillIds: ['react', 'no-such-skill'] } },
      'UNKNOWN_SKILL',
      ['filters', 'skillIds', '1'],
    ],
    [
      'a radius of 0',
      { filters: { near: { latitude: 45.7, longitude: 4.8, radiusKm: 0 } } },
      'OUT_OF_RANGE',
      ['filters', 'near', 'radiusKm'],
    ],
    [
      'a latitude off the globe',
      { filters: { near: { latitude: 91, longitude: 4.8, radiusKm: 10 } } },
      'OUT_OF_RANGE',
      ['filters', 'near', 'latitude'],
    ],
    [
      'an unknown language',
      { filters: { languages: [{ code: 'xx', minimumLevel: 'B2' }] } },
      'INVALID_LANGUAGE',
      ['filters', 'languages', '0', 'code'],
    ],
    [
      'a salary budget without bounds',
      { filters: { salary: { currency: 'EUR', period: 'YEAR' } } },
      'REQUIRED',
      ['filters', 'salary'],
    ],
    [
      'an inverted salary budget',
      { filters: { salary: { minimum: 9, maximum: 5, currency: 'EUR', period: 'YEAR' } } },
      'SALARY_RANGE_INVERTED',
      ['filters', 'salary', 'maximum'],
    ],
    [
      'an unknown currency',
      { filters: { salary: { minimum: 9, currency: 'EURO', period: 'YEAR' } } },
      'INVALID_CURRENCY',
      ['filters', 'salary', 'currency'],
    ],
    ['a query too long', { query: 'x'.repeat(201) }, 'TOO_LONG', ['query']],
    ['a page larger than 100', { first: 101 }, 'OUT_OF_RANGE', ['first']],
    ['an empty page', { first: 0 }, 'OUT_OF_RANGE', ['first']],
    ['a forged cursor', { after: 'bm90LWEtY3Vyc29y' }, 'INVALID_CURSOR', ['after']],
  ])('%s with BAD_USER_INPUT naming the field, writing nothing', async (_what, variables, code, field) => {
    const before = await searchTables();
    const response = await search(acmeRecruiter, variables);
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions!['problems']).toContainEqual(
      expect.objectContaining({ code, field }),
    );
    expect(await searchTables()).toEqual(before);
  });

  it('a cursor of another search', async () => {
    const page = (await search(acmeRecruiter, { first: 1, query: 'engineer' })).data!.searchProfiles;
    const response = await search(acmeRecruiter, {
      first: 1,
      query: 'developer',
      after: page.pageInfo.endCursor,
    });
    expect(response.errors![0]!.extensions!['problems']).toEqual([
      expect.objectContaining({ code: 'INVALID_CURSOR', field: ['after'] }),
    ]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a radius without coordinates', { filters: { near: { radiusKm: 10 } } }],
    ['an unknown CEFR level', { filters: { languages: [{ code: 'en', minimumLevel: 'D1' }] } }],
    ['an unknown contract type', { filters: { contractTypes: ['GIG'] } }],
  ])('%s before any resolver runs (the schema types it)', async (_what, variables) => {
    const before = await searchTables();
    const response = await search(acmeRecruiter, variables);
    expect(new Set(errorCodes(response))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(response.data).toBeUndefined();
    expect(await searchTables()).toEqual(before);
  });

  it.each<[string, Viewer | null, string]>([
    ['an anonymous caller', null, 'UNAUTHENTICATED'],
    ['a candidate', newPerson({ roles: ['CANDIDATE'] }), 'FORBIDDEN'],
    [
      'a moderator',
      newPerson({ roles: ['MODERATOR'], memberships: [{ organizationId: acme!.id, role: 'OWNER' }] }),
      'FORBIDDEN',
    ],
    ['a recruiter of no organization', recruiterOf(), 'FORBIDDEN'],
    [
      'a partner key',
      { kind: 'PARTNER', apiKeyId: randomUUID(), organizationId: acme!.id, roles: ['PARTNER'] },
      'FORBIDDEN',
    ],
  ])('%s (%s), writing nothing', async (_who, viewer, code) => {
    const before = await searchTables();
    const response = await search(viewer);
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual([code]);
    expect(await searchTables()).toEqual(before);
  });

  it('a recruiter of several organizations who does not say which, or names one not theirs', async () => {
    const both = recruiterOf(acme!.id, nordlys!.id);
    const unnamed = await search(both);
    expect(errorCodes(unnamed)).toEqual(['BAD_USER_INPUT']);
    expect(unnamed.errors![0]!.extensions!['problems']).toEqual([
      expect.objectContaining({ code: 'ORGANIZATION_REQUIRED', field: ['organizationId'] }),
    ]);
    expect((await search(both, { organizationId: nordlys!.id })).errors).toBeUndefined();
    expect(errorCodes(await search(acmeRecruiter, { organizationId: nordlys!.id }))).toEqual(['FORBIDDEN']);
  });
});
