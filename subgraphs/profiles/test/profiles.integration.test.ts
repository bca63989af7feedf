import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profiles, users } from '@talentgraph/demo-data';
import { seedOnce } from '@talentgraph/platform';
import {
  createTestIssuer,
  graphqlRequest,
  queryDatabase,
  startTestSubgraph,
  testUser,
  type GraphQLResponse,
  type TestIssuer,
  type TestSubgraph,
} from '@talentgraph/testing';
import { profilesSubgraph } from '../src/subgraph.ts';
import { seedDemoData } from '../src/seed.ts';

/**
 * What profiles hold and how they are listed and batched, read by a moderator (who reads every profile:
 * who reads what is access.integration.test.ts's and search/recruiter-gate.integration.test.ts's), and
 * what an anonymous caller gets: validated mentor and consultant profiles only.
 */
let subgraph: TestSubgraph;
let issuer: TestIssuer;
let statements: string[] = [];

beforeAll(async () => {
  issuer = await createTestIssuer();
  subgraph = await startTestSubgraph(profilesSubgraph, {
    keySource: issuer.keySource,
    onQuery: (sql) => statements.push(sql),
  });
});

afterAll(async () => {
  await subgraph?.close();
});

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const validated = profiles.filter((profile) => profile.status === 'VALIDATED');
const hidden = profiles.filter((profile) => profile.status !== 'VALIDATED');
const amina = profiles[0]!;
const draft = profiles.find((profile) => profile.status === 'DRAFT')!;
const submitted = profiles.find((profile) => profile.status === 'SUBMITTED')!;
const recruiter = users.find((user) => user.roles.includes('RECRUITER'))!;
const mentor = validated.find((profile) => profile.kind === 'MENTOR')!;
const moderator = testUser(users.find((user) => user.roles.includes('MODERATOR'))!.id, {
  roles: ['MODERATOR'],
});

/** A request as the moderator, who reads every profile. */
async function asModerator<Data = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<Data>> {
  return graphqlRequest<Data>(subgraph.url, query, variables, await issuer.headersFor(moderator));
}
/** Seeding gives every profile the same updatedAt, so the listing falls back on the id order. */
const listingOrder = validated.map((profile) => profile.id).sort();
/** The ORM's log lines may be coloured; what counts is each `[query] select …` statement sent. */
const selectStatements = () =>
  statements.filter((line) => /^\[query\] select\b/i.test(stripVTControlCharacters(line)));

type ProfilesPage = {
  profiles: {
    totalCount: number;
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
};

const LISTING = `query ($first: Int, $after: String, $status: ProfileStatus, $skill: String) {
  profiles(first: $first, after: $after, status: $status, skill: $skill) {
    totalCount
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

async function listIds(variables: Record<string, unknown>): Promise<{ ids: string[]; totalCount: number }> {
  const response = await asModerator<ProfilesPage>(LISTING, variables);
  expect(response.errors).toBeUndefined();
  return {
    ids: response.data!.profiles.edges.map((edge) => edge.node.id),
    totalCount: response.data!.profiles.totalCount,
  };
}

describe('profile(id)', () => {
  it('returns every field of a validated profile as the demo data gives it', async () => {
    const response = await asModerator<{ profile: Record<string, unknown> }>(
      `query ($id: ID!) {
        profile(id: $id) {
          id user { id } kind headline summary location { city countryCode } remotePreference
          yearsOfExperience desiredContractTypes skills { name yearsOfExperience } languages { code level }
          status availableFrom createdAt updatedAt
        }
      }`,
      { id: amina.id },
    );
    expect(response.errors).toBeUndefined();
    const { createdAt, updatedAt, ...profile } = response.data!.profile;
    expect(profile).toEqual({
      id: amina.id,
      user: { id: amina.userId },
      kind: amina.kind,
      headline: amina.headline,
      summary: amina.summary,
      location: { city: amina.city, countryCode: amina.countryCode },
      remotePreference: amina.remotePreference,
      yearsOfExperience: amina.yearsOfExperience,
      desiredContractTypes: amina.desiredContractTypes,
      skills: amina.skills.map((skill) => ({ name: skill.name, yearsOfExperience: skill.years })),
      languages: amina.languages,
      status: 'VALIDATED',
      availableFrom: amina.availableFrom,
    });
    expect(new Date(createdAt as string).toISOString()).toBe(createdAt);
    expect(updatedAt).toBe(createdAt);
  });

  it('lists languages the most fluent first and skills in the order the person ranked them', async () => {
    const sofia = profiles.find((profile) => profile.languages.length === 3 && profile.kind === 'CANDIDATE')!;
    const response = await asModerator<{ profile: { skills: { name: string }[]; languages: unknown[] } }>(
      'query ($id: ID!) { profile(id: $id) { skills { name } languages { code level } } }',
      { id: sofia.id },
    );
    expect(response.data!.profile.skills.map((skill) => skill.name)).toEqual(
      sofia.skills.map((skill) => skill.name),
    );
    expect(response.data!.profile.languages).toEqual([
      { code: 'en', level: 'C2' },
      { code: 'it', level: 'C2' },
      { code: 'fr', level: 'B1' },
    ]);
  });

  it('returns to an anonymous caller null for an unknown id, every profile that is not validated and every candidate', async () => {
    const candidates = validated.filter((profile) => profile.kind === 'CANDIDATE');
    expect(candidates).not.toEqual([]);
    for (const id of [UNKNOWN_ID, ...hidden.map((profile) => profile.id), ...candidates.map((p) => p.id)]) {
      const response = await graphqlRequest(subgraph.url, 'query ($id: ID!) { profile(id: $id) { id } }', {
        id,
      });
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ profile: null });
    }
  });

  it('gives a null location when the person gave neither city nor country', async () => {
    await queryDatabase(
      subgraph.database.url,
      'update profiles set city = null, country_code = null where id = $1',
      [mentor.id],
    );
    try {
      const response = await graphqlRequest(
        subgraph.url,
        'query ($id: ID!) { profile(id: $id) { location { city } } }',
        {
          id: mentor.id,
        },
      );
      expect(response.data).toEqual({ profile: { location: null } });
    } finally {
      await queryDatabase(
        subgraph.database.url,
        'update profiles set city = $2, country_code = $3 where id = $1',
        [mentor.id, mentor.city, mentor.countryCode],
      );
    }
  });
});

describe('profiles listing', () => {
  it('lists validated profiles only, across pages with stable cursors', async () => {
    const first = await asModerator<ProfilesPage>(LISTING, { first: 4 });
    expect(first.errors).toBeUndefined();
    expect(first.data!.profiles.totalCount).toBe(validated.length);
    expect(first.data!.profiles.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await asModerator<ProfilesPage>(LISTING, {
      first: 4,
      after: first.data!.profiles.pageInfo.endCursor,
    });
    expect(second.data!.profiles.pageInfo.hasNextPage).toBe(false);
    const ids = [...first.data!.profiles.edges, ...second.data!.profiles.edges].map((edge) => edge.node.id);
    expect(ids).toEqual(listingOrder);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(submitted.id);
  });

  it('puts the most recently updated profile first', async () => {
    const lastInIdOrder = listingOrder.at(-1)!;
    await queryDatabase(
      subgraph.database.url,
      "update profiles set updated_at = updated_at + interval '1 hour' where id = $1",
      [lastInIdOrder],
    );
    try {
      expect((await listIds({})).ids).toEqual([lastInIdOrder, ...listingOrder.slice(0, -1)]);
    } finally {
      await queryDatabase(
        subgraph.database.url,
        "update profiles set updated_at = updated_at - interval '1 hour' where id = $1",
        [lastInIdOrder],
      );
    }
  });

  it('accepts status VALIDATED as the same listing as no status', async () => {
    expect(await listIds({ status: 'VALIDATED' })).toEqual({
      ids: listingOrder,
      totalCount: validated.length,
    });
  });

  it('filters on a skill, by id or by a name the taxonomy knows, among validated profiles only', async () => {
    const withPython = validated
      .filter((profile) => profile.skills.some((skill) => skill.name === 'Python'))
      .map((profile) => profile.id)
      .sort();
    expect(withPython.length).toBeGreaterThan(2);
    expect(draft.skills.some((skill) => skill.name === 'Python')).toBe(true);
    for (const skill of ['Python', 'python', '  PYTHON ']) {
      expect(await listIds({ skill })).toEqual({ ids: withPython, totalCount: withPython.length });
    }
    // The taxonomy knows "Spark" as a name of Apache Spark, and "python" by its id.
    const withSpark = validated
      .filter((profile) => profile.skills.some((skill) => skill.name === 'Apache Spark'))
      .map((profile) => profile.id)
      .sort();
    expect(await listIds({ skill: 'Spark' })).toEqual({ ids: withSpark, totalCount: withSpark.length });
    expect(await listIds({ skill: 'python' })).toEqual({ ids: withPython, totalCount: withPython.length });
    // Java is only on a submitted profile; a name nobody lists finds nothing.
    expect(submitted.skills.some((skill) => skill.name === 'Java')).toBe(true);
    expect(await listIds({ skill: 'java' })).toEqual({ ids: [], totalCount: 0 });
    expect(await listIds({ skill: 'Underwater basket weaving' })).toEqual({ ids: [], totalCount: 0 });
  });

  it('pages through a skill-filtered listing', async () => {
    const withPython = validated
      .filter((profile) => profile.skills.some((skill) => skill.name === 'Python'))
      .map((profile) => profile.id)
      .sort();
    const first = await asModerator<ProfilesPage>(LISTING, { first: 2, skill: 'python' });
    const second = await asModerator<ProfilesPage>(LISTING, {
      first: 2,
      skill: 'python',
      after: first.data!.profiles.pageInfo.endCursor,
    });
    expect(
      [...first.data!.profiles.edges, ...second.data!.profiles.edges].map((edge) => edge.node.id),
    ).toEqual(withPython.slice(0, 4));
    expect(second.data!.profiles.totalCount).toBe(withPython.length);
  });
});

describe('federation', () => {
  it('resolves Profile references for an anonymous caller: public ones, null for candidates, hidden, unknown and malformed ids', async () => {
    const response = await graphqlRequest<{ _entities: unknown[] }>(
      subgraph.url,
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Profile { id headline user { id } } }
      }`,
      {
        representations: [mentor.id, amina.id, draft.id, submitted.id, UNKNOWN_ID, 'not-a-uuid'].map(
          (id) => ({ __typename: 'Profile', id }),
        ),
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual([
      { id: mentor.id, headline: mentor.headline, user: { id: mentor.userId } },
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("gives an anonymous caller each User's public profile, null when it has none or one they may not read", async () => {
    const response = await graphqlRequest<{ _entities: unknown[] }>(
      subgraph.url,
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on User { id profile { id kind } } }
      }`,
      {
        representations: [
          mentor.userId,
          amina.userId,
          draft.userId,
          recruiter.id,
          UNKNOWN_ID,
          'not-a-uuid',
        ].map((id) => ({ __typename: 'User', id })),
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual([
      { id: mentor.userId, profile: { id: mentor.id, kind: 'MENTOR' } },
      { id: amina.userId, profile: null },
      { id: draft.userId, profile: null },
      { id: recruiter.id, profile: null },
      { id: UNKNOWN_ID, profile: null },
      { id: 'not-a-uuid', profile: null },
    ]);
  });
});

describe('batching', () => {
  const USERS_WITH_PROFILES = `query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on User { profile { id skills { name } languages { code } user { id } } }
    }
  }`;

  async function statementsFor(query: string, variables: Record<string, unknown>): Promise<number> {
    statements = [];
    const response = await asModerator(query, variables);
    expect(response.errors).toBeUndefined();
    return selectStatements().length;
  }

  it('loads the profiles, skills and languages of many users in a constant number of queries', async () => {
    const representations = (count: number) =>
      validated.slice(0, count).map((profile) => ({ __typename: 'User', id: profile.userId }));
    const forTwo = await statementsFor(USERS_WITH_PROFILES, { representations: representations(2) });
    const forAll = await statementsFor(USERS_WITH_PROFILES, {
      representations: representations(validated.length),
    });
    // Profiles by user, then one query for all skills and one for all languages.
    expect(forTwo).toBe(3);
    expect(forAll).toBe(forTwo);
  });

  it('loads the skills and languages of a whole page in a constant number of queries', async () => {
    const query =
      'query ($first: Int) { profiles(first: $first) { edges { node { skills { name } languages { level } } } } }';
    const forOne = await statementsFor(query, { first: 1 });
    const forAll = await statementsFor(query, { first: validated.length });
    // The page, its total, then one query for all skills and one for all languages.
    expect(forOne).toBe(4);
    expect(forAll).toBe(forOne);
  });
});

describe('rejects bad arguments with BAD_USER_INPUT', () => {
  it.each<[string, string, string]>([
    ['a page larger than 100', '{ profiles(first: 101) { totalCount } }', 'first'],
    ['an empty page', '{ profiles(first: 0) { totalCount } }', 'first'],
    ['a forged cursor', '{ profiles(after: "bm90LWEtY3Vyc29y") { totalCount } }', 'after'],
    ['a blank skill', '{ profiles(skill: "   ") { totalCount } }', 'skill'],
    ['a skill name too long to exist', `{ profiles(skill: "${'x'.repeat(101)}") { totalCount } }`, 'skill'],
  ])('%s', async (_case, query, argumentName) => {
    const response = await graphqlRequest(subgraph.url, query);
    expect(response.data).toBeNull();
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
  });

  it.each(['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'REJECTED'])(
    'no longer for an anonymous listing of %s profiles: moderators may list them now, so it is UNAUTHENTICATED',
    async (status) => {
      const response = await graphqlRequest(subgraph.url, `{ profiles(status: ${status}) { totalCount } }`);
      expect(response.data).toBeNull();
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(response.errors![0]!.message).toMatch(/sign in as a moderator/i);
    },
  );

  it('a profile id that is not a UUID', async () => {
    const response = await graphqlRequest(subgraph.url, '{ profile(id: "42") { id } }');
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
    expect(response.data).toEqual({ profile: null });
  });
});

describe('storage', () => {
  it('seeds the demo data only once', async () => {
    const ranAgain = await seedOnce(subgraph.orm, 'profiles-demo-data', seedDemoData);
    expect(ranAgain).toBe(false);
    const [counts] = await queryDatabase<{ profiles: number; skills: number; languages: number }>(
      subgraph.database.url,
      `select (select count(*)::int from profiles) as profiles,
              (select count(*)::int from profile_skills) as skills,
              (select count(*)::int from profile_languages) as languages`,
    );
    expect(counts).toEqual({
      profiles: profiles.length,
      skills: profiles.reduce((sum, profile) => sum + profile.skills.length, 0),
      languages: profiles.reduce((sum, profile) => sum + profile.languages.length, 0),
    });
  });

  it('refuses rows that break the domain bounds even when written around the API', async () => {
    const attempts = [
      ['update profiles set years_of_experience = 61 where id = $1', [amina.id]],
      ["update profiles set desired_contract_types = array['GIG'] where id = $1", [amina.id]],
      ["update profile_languages set level = 'C3' where profile_id = $1", [amina.id]],
      ["update profile_languages set code = 'FR' where profile_id = $1 and code = 'fr'", [amina.id]],
      [
        "update profile_skills set skill_id = 'react' where profile_id = $1 and skill_id = 'typescript'",
        [amina.id],
      ],
    ] as const;
    for (const [sql, values] of attempts) {
      await expect(queryDatabase(subgraph.database.url, sql, [...values])).rejects.toThrow(/violates/);
    }
  });
});
