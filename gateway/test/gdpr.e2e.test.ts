import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communities, offers, organizations } from '@talentgraph/demo-data';
import {
  graphqlRequest,
  mailbox,
  queryDatabase,
  rowsMentioning,
  type GraphQLResponse,
} from '@talentgraph/testing';
import { EventSchema } from '../../subgraphs/events/src/entities/Event.ts';
import { MatchSchema } from '../../subgraphs/matching/src/entities/Match.ts';
import { ProfileSnapshotSchema } from '../../subgraphs/matching/src/entities/ProfileSnapshot.ts';
import { OfferSchema } from '../../subgraphs/offers/src/entities/Offer.ts';
import { DATA_EXPORT_PATH } from '../src/personal-data-download.ts';
import { startTestSupergraph, type TestSupergraph } from './helpers.ts';

/**
 * GDPR end to end, through the gateway over real HTTP, the six subgraphs sharing one event log: a
 * person with data in every subgraph exports it (GraphQL and the download route), deletes their
 * account, and once every subgraph has handled users.AccountDeleted, no table of any subgraph database
 * holds anything of them but their bare id in the append-only audit log.
 *
 * Profiles and community data are written through the API; offers, matching and events have no API
 * that a person writes this way yet (offers are published by ingestion and seeding, matches computed by
 * the read model, events seeded), so their rows are written with each subgraph's own entities.
 */

const PASSWORD = 'violet-harbour-42-lantern';
const publicCommunity = communities.find((community) => community.visibility === 'PUBLIC')!;
const acme = organizations.find((organization) => organization.slug === 'acme-robotics')!;
const SUBGRAPHS = ['users', 'profiles', 'offers', 'matching', 'community', 'events'] as const;
const EXPORT = `mutation {
  exportMyData {
    export { id subjectId formatVersion generatedAt users profiles offers matching community events }
    errors { code }
  }
}`;

let supergraph: TestSupergraph;

beforeAll(async () => {
  supergraph = await startTestSupergraph();
});

afterAll(async () => {
  await supergraph?.close();
});

interface Person {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly token: string;
}

type Section = Record<string, unknown>;
interface Exported {
  readonly id: string;
  readonly subjectId: string;
  readonly formatVersion: number;
  readonly generatedAt: string;
  readonly users: Section;
  readonly profiles: Section;
  readonly offers: Section;
  readonly matching: Section;
  readonly community: Section;
  readonly events: Section;
}

function gateway<Data = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  return graphqlRequest<Data>(supergraph.gateway.url, query, variables, headers);
}

async function succeeded<Data>(response: Promise<GraphQLResponse<Data>>): Promise<Data> {
  const { data, errors } = await response;
  if (errors) throw new Error(JSON.stringify(errors));
  for (const payload of Object.values(data as Record<string, { errors?: unknown[] }>)) {
    if (payload?.errors?.length) throw new Error(JSON.stringify(payload.errors));
  }
  return data!;
}

const bearer = (person: Person) => ({ authorization: `Bearer ${person.token}` });

async function register(displayName: string, role: string): Promise<Person> {
  const email = `gdpr.${randomBytes(5).toString('hex')}@example.com`;
  await succeeded(
    gateway('mutation ($input: RegisterInput!) { register(input: $input) { errors { code } } }', {
      input: { email, password: PASSWORD, displayName, role },
    }),
  );
  const signedIn = await succeeded(
    gateway<{ login: { session: { accessToken: string; account: { id: string } } } }>(
      'mutation ($input: LoginInput!) { login(input: $input) { session { accessToken account { id } } errors { code } } }',
      { input: { email, password: PASSWORD } },
    ),
  );
  return {
    userId: signedIn.login.session.account.id,
    email,
    displayName,
    token: signedIn.login.session.accessToken,
  };
}

const database = (subgraph: (typeof SUBGRAPHS)[number]) => supergraph.subgraphs[subgraph]!.database.url;

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether the erasure group of `subgraph` handled the event of `type` about `aggregateId`. */
async function handled(subgraph: (typeof SUBGRAPHS)[number], type: string, aggregateId: string) {
  const [logged] = await queryDatabase<{ id: string }>(
    supergraph.eventLog.url,
    `select envelope->>'id' as id from event_bus.event_log
     where envelope->>'type' = $1 and envelope->'aggregate'->>'id' = $2`,
    [type, aggregateId],
  );
  if (!logged) return false;
  const rows = await queryDatabase(
    database(subgraph),
    'select 1 from handled_events where consumer_group = $1 and event_id = $2',
    [`${subgraph}-erasure`, logged.id],
  );
  return rows.length > 0;
}

describe('GDPR: export, then erasure, of a person with data in every subgraph', () => {
  const marker = `gdpr${randomBytes(5).toString('hex')}`;
  let person: Person;
  let other: Person;
  let profileId: string;
  let soloOrganizationId: string;
  let partnerKey: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    person = await register(`Erin Quill ${marker}`, 'RECRUITER');
    other = await register('Omar Reader', 'CANDIDATE');

    // users: notification settings, an organization of their own (with a partner key) they are the only member of.
    await succeeded(
      gateway(
        'mutation ($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { errors { code } } }',
        { input: { preferences: [{ type: 'MATCH_FOUND', inApp: true, email: false }] } },
        bearer(person),
      ),
    );
    const organization = await succeeded(
      gateway<{ createOrganization: { organization: { id: string } } }>(
        'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } errors { code } } }',
        { input: { name: `Quill Studio ${randomUUID().slice(0, 6)}`, kind: 'COMPANY' } },
        bearer(person),
      ),
    );
    soloOrganizationId = organization.createOrganization.organization.id;
    const key = await succeeded(
      gateway<{ createApiKey: { secret: string } }>(
        'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret errors { code } } }',
        { input: { organizationId: soloOrganizationId, name: 'Job board' } },
        bearer(person),
      ),
    );
    partnerKey = key.createApiKey.secret;

    // profiles: a profile with skills and languages.
    const profile = await succeeded(
      gateway<{ createProfile: { profile: { id: string } } }>(
        'mutation ($input: CreateProfileInput!) { createProfile(input: $input) { profile { id } errors { code } } }',
        {
          input: {
            kind: 'CANDIDATE',
            headline: `Robotics lead ${marker}`,
            summary: `Cobots and people, ${marker}.`,
            location: { city: 'Lyon', countryCode: 'FR' },
          },
        },
        bearer(person),
      ),
    );
    profileId = profile.createProfile.profile.id;
    await succeeded(
      gateway(
        'mutation ($input: SetProfileSkillsInput!) { setProfileSkills(input: $input) { errors { code } } }',
        {
          input: {
            profileId,
            skills: [{ skill: { name: 'Python' }, level: 'EXPERT', yearsOfExperience: 9 }],
          },
        },
        bearer(person),
      ),
    );
    await succeeded(
      gateway(
        'mutation ($input: SetProfileLanguagesInput!) { setProfileLanguages(input: $input) { errors { code } } }',
        { input: { profileId, languages: [{ code: 'en', level: 'C1' }] } },
        bearer(person),
      ),
    );

    // community: a post the other person comments on, a comment of their own, one under the other's post.
    for (const member of [person, other]) {
      await succeeded(
        gateway(
          'mutation ($input: JoinCommunityInput!) { joinCommunity(input: $input) { errors { code } } }',
          { input: { communityId: publicCommunity.id } },
          bearer(member),
        ),
      );
    }
    const createPost = (author: Person, title: string) =>
      succeeded(
        gateway<{ createPost: { post: { id: string } } }>(
          'mutation ($input: CreatePostInput!) { createPost(input: $input) { post { id } errors { code } } }',
          { input: { communityId: publicCommunity.id, title, body: `${title}, in detail.` } },
          bearer(author),
        ),
      ).then((data) => data.createPost.post.id);
    const createComment = (author: Person, postId: string, body: string) =>
      succeeded(
        gateway<{ createComment: { comment: { id: string } } }>(
          'mutation ($input: CreateCommentInput!) { createComment(input: $input) { comment { id } errors { code } } }',
          { input: { postId, body } },
          bearer(author),
        ),
      ).then((data) => data.createComment.comment.id);
    ids['post'] = await createPost(person, `Hiring cobot engineers ${marker}`);
    ids['ownComment'] = await createComment(person, ids['post'], `More details soon ${marker}`);
    ids['othersComment'] = await createComment(other, ids['post'], 'Count me in');
    ids['othersPost'] = await createPost(other, 'Looking for a robotics internship');
    ids['commentOnOthers'] = await createComment(person, ids['othersPost'], `Send me your CV ${marker}`);
    // Both notifications are made by the users subgraph from the comments' events.
    const notificationCount = async (reader: Person) =>
      (
        await queryDatabase(database('users'), 'select 1 from notifications where recipient_id = $1', [
          reader.userId,
        ])
      ).length;
    await until(
      async () => (await notificationCount(person)) === 1 && (await notificationCount(other)) === 1,
      'the comment notifications',
    );

    // offers: one written for the person's own organization, one for Acme (which stays Acme's).
    const offersEm = supergraph.subgraphs['offers']!.orm.em.fork();
    const offer = (organizationId: string, title: string) =>
      offersEm.create(OfferSchema, {
        organizationId,
        authorId: person.userId,
        kind: 'JOB',
        title,
        description: `${title}: build the next cobot.`,
        contractType: 'PERMANENT',
        remotePolicy: 'HYBRID',
        requiredSkills: ['Python'],
        niceToHaveSkills: [],
        minYearsOfExperience: 3,
        status: 'PUBLISHED',
        publishedAt: new Date(),
      });
    ids['soloOffer'] = offer(soloOrganizationId, `Founding engineer ${marker}`).id;
    ids['acmeOffer'] = offer(acme.id, 'Robotics engineer').id;
    await offersEm.flush();

    // matching: the read model's copy of the profile, matched with a published demo offer.
    const matchingEm = supergraph.subgraphs['matching']!.orm.em.fork();
    const snapshot = matchingEm.create(ProfileSnapshotSchema, {
      id: profileId,
      userId: person.userId,
      kind: 'CANDIDATE',
      skills: [{ name: 'Python', years: 9 }],
      yearsOfExperience: 9,
      city: 'Lyon',
      countryCode: 'FR',
      remotePreference: 'HYBRID',
      desiredContractTypes: ['PERMANENT'],
      languages: [{ code: 'en', level: 'C1' }],
      status: 'VALIDATED',
    });
    const publishedOffer = offers.find((candidate) => candidate.status === 'PUBLISHED')!;
    ids['match'] = matchingEm.create(MatchSchema, {
      profile: snapshot,
      offer: publishedOffer.id,
      score: 91,
      criteria: [{ criterion: 'REQUIRED_SKILLS', weight: 60, score: 1, explanation: 'Python, 9 years.' }],
      computedAt: new Date(),
    }).id;
    await matchingEm.flush();

    // events: a meetup of their own, and an open day of their organization.
    const eventsEm = supergraph.subgraphs['events']!.orm.em.fork();
    const event = (organizationId: string | null, title: string) => {
      const startsAt = new Date(Date.now() + 14 * 86_400_000);
      return eventsEm.create(EventSchema, {
        kind: 'NETWORKING',
        title,
        description: `${title}, hosted by the organizer.`,
        organizerId: person.userId,
        organizationId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 7_200_000),
        timeZone: 'Europe/Paris',
        format: 'IN_PERSON',
        venue: 'La Halle',
        city: 'Lyon',
        countryCode: 'FR',
        capacity: 40,
      });
    };
    ids['ownEvent'] = event(null, `Cobot meetup ${marker}`).id;
    ids['soloOrganizationEvent'] = event(soloOrganizationId, 'Open day').id;
    await eventsEm.flush();

    // The export lists the e-mails sent to the person with their status, which the dispatcher turns from
    // PENDING to SENT in the background: the exports compared below must both see them delivered.
    await until(async () => {
      const messages = await mailbox(supergraph.subgraphs['users']!.url, person.email);
      return messages.length > 0 && messages.every((message) => message.status !== 'PENDING');
    }, 'the delivery of the person’s e-mails');
  });

  let exported: Exported;

  it('exports, in one GraphQL answer, what every subgraph holds about the person', async () => {
    const data = await succeeded(gateway<{ exportMyData: { export: Exported } }>(EXPORT, {}, bearer(person)));
    exported = data.exportMyData.export;

    expect(exported).toMatchObject({ subjectId: person.userId, formatVersion: 1 });
    expect(exported.users['account']).toMatchObject({ email: person.email, displayName: person.displayName });
    expect(exported.users['notifications']).toEqual([
      expect.objectContaining({
        type: 'NEW_COMMENT_ON_MY_POST',
        title: 'Omar Reader commented on your post',
      }),
    ]);
    expect(exported.users['organizationMemberships']).toEqual([
      expect.objectContaining({ organizationId: soloOrganizationId, role: 'OWNER' }),
    ]);
    expect(exported.users['notificationPreferences']).toContainEqual({
      type: 'MATCH_FOUND',
      inApp: true,
      email: false,
    });
    expect(exported.profiles['profile']).toMatchObject({
      id: profileId,
      headline: `Robotics lead ${marker}`,
      skills: [expect.objectContaining({ name: 'Python', level: 'EXPERT' })],
      languages: [expect.objectContaining({ code: 'en', level: 'C1' })],
    });
    expect(exported.offers['offersWritten']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: ids['soloOffer'], title: `Founding engineer ${marker}` }),
        expect.objectContaining({ id: ids['acmeOffer'], organizationId: acme.id }),
      ]),
    );
    expect(exported.matching['profiles']).toEqual([
      expect.objectContaining({
        profileId,
        matches: [expect.objectContaining({ id: ids['match'], score: 91 })],
      }),
    ]);
    expect(exported.community['posts']).toEqual([
      expect.objectContaining({ id: ids['post'], title: `Hiring cobot engineers ${marker}` }),
    ]);
    expect(exported.community['comments']).toEqual([
      expect.objectContaining({ id: ids['ownComment'], body: `More details soon ${marker}` }),
      expect.objectContaining({ id: ids['commentOnOthers'], body: `Send me your CV ${marker}` }),
    ]);
    expect(exported.community['memberships']).toEqual([
      expect.objectContaining({ communityId: publicCommunity.id, role: 'MEMBER' }),
    ]);
    expect(exported.events['eventsOrganized']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: ids['ownEvent'], title: `Cobot meetup ${marker}` }),
        expect.objectContaining({ id: ids['soloOrganizationEvent'], organizationId: soloOrganizationId }),
      ]),
    );
  });

  it('downloads the same document as an attachment that is never cached', async () => {
    const response = await fetch(new URL(DATA_EXPORT_PATH, supergraph.gateway.url), {
      headers: bearer(person),
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const document = (await response.json()) as Exported;
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="talentgraph-data-${document.generatedAt.slice(0, 10)}.json"`,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    // Another export: its own id and time, and one more entry (this export) in the audit trail.
    const sameness = ({ id: _id, generatedAt: _at, users, ...rest }: Exported) => {
      const { auditTrail: _trail, ...account } = users;
      return { ...rest, users: account };
    };
    expect(sameness(document)).toEqual(sameness(exported));
    expect(document.id).not.toBe(exported.id);
    const exportsAudited = (document.users['auditTrail'] as { action: string; details: unknown }[]).filter(
      (entry) => entry.action === 'gdpr.data_exported',
    );
    expect(exportsAudited.map((entry) => entry.details)).toEqual([
      { exportId: exported.id },
      { exportId: document.id },
    ]);
  });

  it('refuses the download to anonymous callers (401), partner keys (403) and past the limit (429)', async () => {
    const url = new URL(DATA_EXPORT_PATH, supergraph.gateway.url);
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-disposition')).toBeNull();
    const partner = await fetch(url, { headers: { 'x-api-key': partnerKey } });
    expect(partner.status).toBe(403);
    expect(JSON.stringify(await partner.json())).not.toContain(person.email);

    // Two exports so far; the third is the last of the allowance.
    expect((await fetch(url, { headers: bearer(person) })).status).toBe(200);
    const limited = await fetch(url, { headers: bearer(person) });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('deletes the account only with the password, then erases the person from every subgraph database', async () => {
    const DELETE = `mutation ($input: DeleteMyAccountInput!) {
      deleteMyAccount(input: $input) { deletedUserId errors { code } }
    }`;
    const needles = [person.userId, person.email, person.displayName, marker, profileId];
    for (const subgraph of SUBGRAPHS) {
      // What the scan below must no longer find is there now, in every database.
      expect({ subgraph, found: (await rowsMentioning(database(subgraph), needles)).length > 0 }).toEqual({
        subgraph,
        found: true,
      });
    }
    const wrong = await gateway<{
      deleteMyAccount: { deletedUserId: string | null; errors: { code: string }[] };
    }>(DELETE, { input: { password: 'not-my-password-at-all' } }, bearer(person));
    expect(wrong.data!.deleteMyAccount).toEqual({
      deletedUserId: null,
      errors: [{ code: 'INVALID_CURRENT_PASSWORD' }],
    });

    const deleted = await succeeded(
      gateway<{ deleteMyAccount: { deletedUserId: string } }>(
        DELETE,
        { input: { password: PASSWORD } },
        bearer(person),
      ),
    );
    expect(deleted.deleteMyAccount.deletedUserId).toBe(person.userId);

    for (const subgraph of SUBGRAPHS) {
      await until(() => handled(subgraph, 'users.AccountDeleted', person.userId), `${subgraph}-erasure`);
    }
    for (const subgraph of ['offers', 'matching', 'events'] as const) {
      await until(
        () => handled(subgraph, 'users.OrganizationDeleted', soloOrganizationId),
        `${subgraph}-erasure of the organization`,
      );
    }

    for (const subgraph of SUBGRAPHS) {
      const left = await rowsMentioning(database(subgraph), needles);
      // The append-only audit log keeps the bare id (users/src/audit/audit-rules.ts): nothing else, anywhere.
      expect({ subgraph, left: left.filter((hit) => hit.table !== 'audit_log') }).toEqual({
        subgraph,
        left: [],
      });
      expect({ subgraph, left: left.filter((hit) => hit.needle !== person.userId) }).toEqual({
        subgraph,
        left: [],
      });
    }
    const audited = await rowsMentioning(database('users'), [person.userId]);
    expect(audited.length).toBeGreaterThan(0);
    expect(audited.every((hit) => hit.table === 'audit_log')).toBe(true);
  });

  it('leaves what belongs to others readable, without the person', async () => {
    const thread = await succeeded(
      gateway<{ post: { title: string; author: null; comments: { edges: { node: { body: string } }[] } } }>(
        'query ($id: ID!) { post(id: $id) { title author { displayName } comments { edges { node { body } } } } }',
        { id: ids['post'] },
        bearer(other),
      ),
    );
    expect(thread.post).toEqual({
      title: '[deleted]',
      author: null,
      comments: { edges: [{ node: { body: 'Count me in' } }] },
    });
    const notifications = await succeeded(
      gateway<{ me: { notifications: { edges: { node: { title: string; body: string } }[] } } }>(
        '{ me { notifications(first: 5) { edges { node { title body } } } } }',
        {},
        bearer(other),
      ),
    );
    expect(notifications.me.notifications.edges.map((edge) => edge.node.title)).toEqual([
      'A former member commented on your post',
    ]);
    const acmeOffer = await succeeded(
      gateway<{ offer: { title: string; author: null } | null }>(
        'query ($id: ID!) { offer(id: $id) { title author { displayName } } }',
        { id: ids['acmeOffer'] },
      ),
    );
    expect(acmeOffer.offer).toEqual({ title: 'Robotics engineer', author: null });
  });

  it('no longer lets the person in: the old token is refused and signing in fails', async () => {
    const withOldToken = await gateway('{ me { id } }', {}, bearer(person));
    expect(withOldToken.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const refused = await gateway<{ login: { session: null; errors: { code: string }[] } }>(
      'mutation ($input: LoginInput!) { login(input: $input) { session { accessToken } errors { code } } }',
      { input: { email: person.email, password: PASSWORD } },
    );
    expect(refused.data!.login).toEqual({ session: null, errors: [{ code: 'INVALID_CREDENTIALS' }] });
  });
});
