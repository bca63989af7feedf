import { describe, expect, it } from 'vitest';
import { startForTests } from '@talentgraph/testing';
import type { Viewer } from '@talentgraph/auth';
import { profiles, users } from '@talentgraph/demo-data';
import {
  MUTATIONS,
  UNKNOWN_ID,
  createProfile,
  errorCodes,
  eventsOf,
  newPerson,
  refusedWithoutWriting,
  request,
  rows,
  startProfilesWorld,
  submittableProfile,
  succeed,
  type Person,
  type UserErrorOf,
} from './support/world.ts';

/**
 * The review workflow through HTTP: submit, withdraw, the queue, claim, release, validate, reject, with
 * the assessment grid stored with the decision and the events that notify the person.
 */
const world = startForTests(startProfilesWorld);

const moderator = newPerson({ roles: ['MODERATOR'] });
const otherModerator = newPerson({ roles: ['MODERATOR'] });
const admin = newPerson({ roles: ['ADMIN'] });

const WITHDRAW = `mutation ($input: WithdrawProfileInput!) { withdrawProfile(input: $input) { profile { status submittedAt } errors { code message field } } }`;
const CLAIM = `mutation ($input: ClaimProfileReviewInput!) {
  claimProfileReview(input: $input) { profile { status } review { id reviewer { id } claimedAt endedAt outcome } errors { code message field } }
}`;
const RELEASE = `mutation ($input: ReleaseProfileReviewInput!) {
  releaseProfileReview(input: $input) { profile { status } review { outcome } errors { code message field } }
}`;
const VALIDATE = `mutation ($input: ValidateProfileInput!) {
  validateProfile(input: $input) { profile { status } review { outcome comment assessment { criterion score note } } errors { code message field } }
}`;
const REJECT = `mutation ($input: RejectProfileInput!) {
  rejectProfile(input: $input) { profile { status } review { outcome reasons comment } errors { code message field } }
}`;
const QUEUE = `query ($first: Int, $after: String, $filter: ProfileReviewQueueFilter) {
  profileReviewQueue(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id submittedAt lastReview { reviewer { id } } } }
  }
}`;

const CRITERIA = ['COMPLETENESS', 'CLARITY', 'EXPERIENCE_CREDIBILITY', 'SKILLS_EVIDENCE', 'PROFESSIONALISM'];
const grid = (score = 4) => CRITERIA.map((criterion) => ({ criterion, score }));
type Refused = { [mutation: string]: { errors: UserErrorOf[] } };
const errorsOf = (response: { data?: Refused | null }) =>
  Object.values(response.data ?? {})[0]!.errors.map(({ code, field }) => ({ code, field }));

async function submitted(person: Person = newPerson()): Promise<string> {
  const profileId = await submittableProfile(world, person);
  await succeed(world, person, MUTATIONS.submit, { profileId });
  return profileId;
}

async function claimed(by: Viewer = moderator): Promise<{ person: Person; profileId: string }> {
  const person = newPerson();
  const profileId = await submitted(person);
  await succeed(world, by, CLAIM, { profileId });
  return { person, profileId };
}

describe('submission', () => {
  it('sends a complete draft for review and records ProfileSubmitted', async () => {
    const person = newPerson();
    const profileId = await submittableProfile(world, person);
    const payload = await succeed<{
      profile: { status: string; submittedAt: string };
      errors: UserErrorOf[];
    }>(world, person, MUTATIONS.submit, { profileId });
    expect(payload.profile.status).toBe('SUBMITTED');
    expect((await eventsOf(world, profileId)).at(-1)).toMatchObject({
      type: 'profiles.ProfileSubmitted',
      payload: {
        trigger: 'SUBMITTED_BY_OWNER',
        submittedAt: payload.profile.submittedAt,
        profile: { status: 'SUBMITTED' },
      },
    });
  });

  it('refuses an incomplete profile, naming each missing part, writing nothing', async () => {
    const person = newPerson();
    const profileId = await createProfile(world, person, { kind: 'CANDIDATE', headline: 'Data analyst' });
    const response = await refusedWithoutWriting<Refused>(world, person, MUTATIONS.submit, {
      input: { profileId },
    });
    expect(errorsOf(response)).toEqual(
      [
        'summary',
        'location',
        'remotePreference',
        'yearsOfExperience',
        'skills',
        'languages',
        'preferences.desiredContractTypes',
      ].map((field) => ({ code: 'PROFILE_INCOMPLETE', field: field.split('.') })),
    );
  });

  it('refuses to submit twice, and to withdraw what is not waiting', async () => {
    const person = newPerson();
    const profileId = await submitted(person);
    const again = await refusedWithoutWriting<Refused>(world, person, MUTATIONS.submit, {
      input: { profileId },
    });
    expect(errorsOf(again)).toEqual([{ code: 'ILLEGAL_TRANSITION', field: ['input', 'profileId'] }]);
    await succeed(world, moderator, CLAIM, { profileId });
    const withdrawn = await refusedWithoutWriting<Refused>(world, person, WITHDRAW, { input: { profileId } });
    expect(errorsOf(withdrawn)).toEqual([{ code: 'ILLEGAL_TRANSITION', field: ['input', 'profileId'] }]);
  });

  it('withdraws a waiting profile back to DRAFT', async () => {
    const person = newPerson();
    const profileId = await submitted(person);
    const payload = await succeed<{ profile: Record<string, unknown>; errors: UserErrorOf[] }>(
      world,
      person,
      WITHDRAW,
      { profileId },
    );
    expect(payload.profile).toEqual({ status: 'DRAFT', submittedAt: null });
    expect((await eventsOf(world, profileId)).at(-1)).toMatchObject({
      type: 'profiles.ProfileUpdated',
      payload: { changedParts: ['status'], profile: { status: 'DRAFT' } },
    });
  });

  it("refuses someone else's profile, and anonymous callers", async () => {
    const profileId = await submittableProfile(world, newPerson());
    const stranger = await refusedWithoutWriting<Refused>(world, newPerson(), MUTATIONS.submit, {
      input: { profileId },
    });
    expect(errorsOf(stranger)).toEqual([{ code: 'PROFILE_NOT_FOUND', field: ['input', 'profileId'] }]);
    expect(
      errorCodes(await refusedWithoutWriting(world, null, MUTATIONS.submit, { input: { profileId } })),
    ).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the review queue', () => {
  it('lists submitted profiles oldest first, page by page, with filters', async () => {
    const ids = [await submitted(), await submitted(), await submitted()];
    const dates = ['2026-03-01T00:00:00Z', '2026-02-01T00:00:00Z', '2026-04-01T00:00:00Z'];
    for (const [index, id] of ids.entries()) {
      await rows(world, 'update profiles set submitted_at = $2 where id = $1', [id, dates[index]]);
    }
    await rows(world, `update profiles set country_code = 'DE' where id = $1`, [ids[2]]);
    const window = { submittedAfter: '2026-01-01T00:00:00Z', submittedBefore: '2026-05-01T00:00:00Z' };
    const page = async (variables: Record<string, unknown>) => {
      const response = await request<{
        profileReviewQueue: {
          totalCount: number;
          pageInfo: { endCursor: string };
          edges: { node: { id: string } }[];
        };
      }>(world, moderator, QUEUE, variables);
      expect(response.errors).toBeUndefined();
      return response.data!.profileReviewQueue;
    };
    const first = await page({ first: 2, filter: window });
    const second = await page({ first: 2, after: first.pageInfo.endCursor, filter: window });
    expect([...first.edges, ...second.edges].map((edge) => edge.node.id)).toEqual([ids[1], ids[0], ids[2]]);
    expect(first.totalCount).toBe(3);
    expect(
      (await page({ filter: { ...window, countryCode: 'DE' } })).edges.map((edge) => edge.node.id),
    ).toEqual([ids[2]]);
    expect(
      (await page({ filter: { ...window, submittedBefore: '2026-03-01T00:00:00Z' } })).edges.map(
        (edge) => edge.node.id,
      ),
    ).toEqual([ids[1]]);
    expect((await page({ filter: { ...window, skillId: 'typescript', kind: 'CANDIDATE' } })).totalCount).toBe(
      3,
    );
    expect((await page({ filter: { ...window, skillId: 'cobol' } })).totalCount).toBe(0);
    expect((await page({ filter: { ...window, kind: 'MENTOR' } })).totalCount).toBe(0);
  });

  it('lists the profiles being reviewed with their moderator', async () => {
    const demoInReview = profiles.find((profile) => profile.status === 'IN_REVIEW')!;
    const demoModerator = users.find((user) => user.roles.includes('MODERATOR'))!;
    const response = await request<{
      profileReviewQueue: { edges: { node: { id: string; lastReview: unknown } }[] };
    }>(world, admin, QUEUE, { first: 100, filter: { status: 'IN_REVIEW' } });
    expect(
      response.data!.profileReviewQueue.edges.find((edge) => edge.node.id === demoInReview.id)!.node
        .lastReview,
    ).toEqual({
      reviewer: { id: demoModerator.id },
    });
  });

  it('is for moderators and admins only, and lists waiting or reviewed profiles only', async () => {
    expect(errorCodes(await request(world, newPerson(), QUEUE))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await request(world, newPerson({ roles: ['RECRUITER'] }), QUEUE))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await request(world, null, QUEUE))).toEqual(['UNAUTHENTICATED']);
    const drafts = await request(world, moderator, QUEUE, { filter: { status: 'DRAFT' } });
    expect(drafts.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter' });
    const tooMany = await request(world, moderator, QUEUE, { first: 101 });
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });
});

describe('claiming and releasing', () => {
  it('claims a submitted profile for the caller, records who reviews it', async () => {
    const profileId = await submitted();
    const payload = await succeed<{
      profile: { status: string };
      review: Record<string, unknown>;
      errors: UserErrorOf[];
    }>(world, moderator, CLAIM, { profileId });
    expect(payload.profile.status).toBe('IN_REVIEW');
    expect(payload.review).toMatchObject({
      reviewer: { id: moderator.userId },
      endedAt: null,
      outcome: null,
    });
    expect((await eventsOf(world, profileId)).at(-1)).toMatchObject({
      type: 'profiles.ProfileUpdated',
      payload: { changedParts: ['status'], reviewerId: moderator.userId, profile: { status: 'IN_REVIEW' } },
    });
  });

  it('refuses a second claim, a claim of a draft, an unknown profile, writing nothing', async () => {
    const { profileId } = await claimed();
    const byOther = await refusedWithoutWriting<Refused>(world, otherModerator, CLAIM, {
      input: { profileId },
    });
    expect(errorsOf(byOther)).toEqual([{ code: 'ALREADY_CLAIMED', field: ['input', 'profileId'] }]);
    const draftId = await createProfile(world, newPerson());
    const draft = await refusedWithoutWriting<Refused>(world, moderator, CLAIM, {
      input: { profileId: draftId },
    });
    expect(errorsOf(draft)).toEqual([{ code: 'ILLEGAL_TRANSITION', field: ['input', 'profileId'] }]);
    const unknown = await refusedWithoutWriting<Refused>(world, moderator, CLAIM, {
      input: { profileId: UNKNOWN_ID },
    });
    expect(errorsOf(unknown)).toEqual([{ code: 'PROFILE_NOT_FOUND', field: ['input', 'profileId'] }]);
  });

  it('refuses a moderator their own profile, and non-moderators altogether', async () => {
    const candidateModerator = newPerson({ roles: ['CANDIDATE', 'MODERATOR'] });
    const own = await submitted(candidateModerator);
    expect(
      errorCodes(
        await refusedWithoutWriting(world, candidateModerator, CLAIM, { input: { profileId: own } }),
      ),
    ).toEqual(['FORBIDDEN']);
    const profileId = await submitted();
    for (const viewer of [newPerson(), newPerson({ roles: ['RECRUITER'] })]) {
      expect(errorCodes(await refusedWithoutWriting(world, viewer, CLAIM, { input: { profileId } }))).toEqual(
        ['FORBIDDEN'],
      );
    }
    expect(errorCodes(await refusedWithoutWriting(world, null, CLAIM, { input: { profileId } }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('releases a claimed profile to its place in the queue: by its moderator or an admin, not another moderator', async () => {
    const { profileId } = await claimed();
    const [before] = await rows<{ submitted_at: Date }>(
      world,
      'select submitted_at from profiles where id = $1',
      [profileId],
    );
    const byOther = await refusedWithoutWriting<Refused>(world, otherModerator, RELEASE, {
      input: { profileId },
    });
    expect(errorsOf(byOther)).toEqual([{ code: 'NOT_YOUR_REVIEW', field: ['input', 'profileId'] }]);
    const payload = await succeed<{
      profile: { status: string };
      review: { outcome: string };
      errors: UserErrorOf[];
    }>(world, admin, RELEASE, {
      profileId,
    });
    expect(payload).toMatchObject({ profile: { status: 'SUBMITTED' }, review: { outcome: 'RELEASED' } });
    const [after] = await rows<{ submitted_at: Date }>(
      world,
      'select submitted_at from profiles where id = $1',
      [profileId],
    );
    expect(after).toEqual(before);
    const again = await refusedWithoutWriting<Refused>(world, moderator, RELEASE, { input: { profileId } });
    expect(errorsOf(again)).toEqual([{ code: 'ILLEGAL_TRANSITION', field: ['input', 'profileId'] }]);
  });
});

describe('decisions', () => {
  it('validates with the grid stored, the profile searchable (not public: a candidate), ProfileValidated recorded for the person', async () => {
    const { person, profileId } = await claimed();
    const payload = await succeed<{
      profile: { status: string };
      review: Record<string, unknown>;
      errors: UserErrorOf[];
    }>(world, moderator, VALIDATE, { profileId, assessment: grid(5), comment: 'Welcome aboard' });
    expect(payload.profile.status).toBe('VALIDATED');
    expect(payload.review).toMatchObject({ outcome: 'VALIDATED', comment: 'Welcome aboard' });
    expect(payload.review['assessment']).toEqual(
      CRITERIA.map((criterion) => ({ criterion, score: 5, note: null })),
    );
    expect((await eventsOf(world, profileId)).at(-1)).toMatchObject({
      type: 'profiles.ProfileValidated',
      actor: { kind: 'USER', id: moderator.userId },
      payload: {
        userId: person.userId,
        reviewerId: moderator.userId,
        reasons: [],
        profile: { status: 'VALIDATED' },
      },
    });
    const read = async (viewer: Viewer | null) =>
      (
        await request<{ profile: { status: string } | null }>(
          world,
          viewer,
          'query ($id: ID!) { profile(id: $id) { status } }',
          { id: profileId },
        )
      ).data!.profile;
    expect(await read(person)).toEqual({ status: 'VALIDATED' });
    // A validated candidate reaches recruiters through search; it is not public (domain/visibility.ts).
    expect(await read(null)).toBeNull();
    expect(
      await rows(world, 'select profile_id from profile_search_documents where profile_id = $1', [profileId]),
    ).toEqual([{ profile_id: profileId }]);
  });

  it('rejects with reasons the person reads, without the grid; they correct and submit again', async () => {
    const { person, profileId } = await claimed();
    const assessment = [
      { criterion: 'COMPLETENESS', score: 2, note: 'No experience listed' },
      ...grid(3).slice(1),
    ];
    await succeed(world, moderator, REJECT, {
      profileId,
      assessment,
      reasons: ['INCOMPLETE_PROFILE', 'OTHER'],
      comment: 'Add your internship',
    });
    expect((await eventsOf(world, profileId)).at(-1)).toMatchObject({
      type: 'profiles.ProfileRejected',
      payload: {
        userId: person.userId,
        reasons: ['INCOMPLETE_PROFILE', 'OTHER'],
        comment: 'Add your internship',
      },
    });
    const seen = await request<{ profile: { status: string; lastReview: unknown } }>(
      world,
      person,
      'query ($id: ID!) { profile(id: $id) { status lastReview { outcome reasons comment } } }',
      { id: profileId },
    );
    expect(seen.data!.profile).toEqual({
      status: 'REJECTED',
      lastReview: {
        outcome: 'REJECTED',
        reasons: ['INCOMPLETE_PROFILE', 'OTHER'],
        comment: 'Add your internship',
      },
    });
    const hiddenGrid = await request(
      world,
      person,
      'query ($id: ID!) { profile(id: $id) { lastReview { assessment { score } } } }',
      { id: profileId },
    );
    expect(errorCodes(hiddenGrid)).toEqual(['FORBIDDEN']);
    await succeed(world, person, MUTATIONS.submit, { profileId });
  });

  it.each<[string, string, Record<string, unknown>, { code: string; field: string[] | null }[]]>([
    [
      'a validation with a criterion missing',
      VALIDATE,
      { assessment: grid().slice(1) },
      [{ code: 'CRITERIA_MISSING', field: ['input', 'assessment'] }],
    ],
    [
      'a validation scoring a criterion 2',
      VALIDATE,
      {
        assessment: [
          { criterion: 'CLARITY', score: 2, note: 'Vague' },
          ...grid().filter((score) => score.criterion !== 'CLARITY'),
        ],
      },
      [{ code: 'ASSESSMENT_CONTRADICTS_DECISION', field: ['input', 'assessment', '0', 'score'] }],
    ],
    [
      'a score of 6',
      VALIDATE,
      { assessment: [{ criterion: 'CLARITY', score: 6 }, ...grid().slice(0, 1), ...grid().slice(2)] },
      [{ code: 'OUT_OF_RANGE', field: ['input', 'assessment', '0', 'score'] }],
    ],
    [
      'a rejection without reason',
      REJECT,
      { assessment: grid(), reasons: [] },
      [{ code: 'REASON_REQUIRED', field: ['input', 'reasons'] }],
    ],
    [
      'a rejection for OTHER without comment',
      REJECT,
      { assessment: grid(), reasons: ['OTHER'] },
      [{ code: 'COMMENT_REQUIRED', field: ['input', 'comment'] }],
    ],
  ])('refuses %s, writing nothing', async (_case, mutation, input, expected) => {
    const { profileId } = await claimed();
    const response = await refusedWithoutWriting<Refused>(world, moderator, mutation, {
      input: { profileId, ...input },
    });
    expect(errorsOf(response)).toEqual(expected);
  });

  it('refuses a decision without a claim, on a claim of another moderator, or by a non-moderator', async () => {
    const waiting = await submitted();
    const unclaimed = await refusedWithoutWriting<Refused>(world, moderator, VALIDATE, {
      input: { profileId: waiting, assessment: grid() },
    });
    expect(errorsOf(unclaimed)).toEqual([{ code: 'ILLEGAL_TRANSITION', field: ['input', 'profileId'] }]);
    const { person, profileId } = await claimed();
    const other = await refusedWithoutWriting<Refused>(world, otherModerator, REJECT, {
      input: { profileId, assessment: grid(), reasons: ['DUPLICATE_PROFILE'] },
    });
    expect(errorsOf(other)).toEqual([{ code: 'NOT_YOUR_REVIEW', field: ['input', 'profileId'] }]);
    const own = await refusedWithoutWriting(world, person, VALIDATE, {
      input: { profileId, assessment: grid() },
    });
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);
    const partner: Viewer = {
      kind: 'PARTNER',
      apiKeyId: 'key',
      organizationId: UNKNOWN_ID,
      roles: ['PARTNER'],
    };
    expect(
      errorCodes(
        await refusedWithoutWriting(world, partner, VALIDATE, { input: { profileId, assessment: grid() } }),
      ),
    ).toEqual(['FORBIDDEN']);
  });

  it('refuses to decide twice', async () => {
    const { profileId } = await claimed();
    await succeed(world, moderator, VALIDATE, { profileId, assessment: grid() });
    const again = await refusedWithoutWriting<Refused>(world, moderator, REJECT, {
      input: { profileId, assessment: grid(), reasons: ['OTHER'], comment: 'Changed my mind' },
    });
    expect(errorsOf(again)).toEqual([{ code: 'ILLEGAL_TRANSITION', field: ['input', 'profileId'] }]);
  });
});
