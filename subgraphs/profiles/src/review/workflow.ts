import { LockMode } from '@mikro-orm/core';
import { forbidden, hasRole, unauthenticated, type Viewer } from '@talentgraph/auth';
import { requireId, type EntityManager } from '@talentgraph/platform';
import { canReviewProfile } from '../domain/access.ts';
import { validateDecision, type DecisionInput } from '../domain/review.ts';
import { transition, type ProfileAction } from '../domain/status-workflow.ts';
import { submissionViolations } from '../domain/submission.ts';
import { violation } from '../domain/violations.ts';
import { ProfileSchema, type Profile } from '../entities/Profile.ts';
import { ProfileReviewSchema, type ProfileReview } from '../entities/ProfileReview.ts';
import {
  lockProfileToEdit,
  recordProfileEvent,
  type Cause,
  type ProfileEventType,
} from '../editing/change.ts';
import { answering, PROFILE_NOT_FOUND, refuse, requirePerson, type UserError } from '../editing/refusals.ts';
import { loadProfileState } from '../editing/state.ts';

/**
 * The review workflow (domain/status-workflow.ts) as mutations: the person submits and withdraws, a
 * moderator claims, releases, validates or rejects. Each step checks that the transition is legal for the
 * profile as it stands (its row locked), writes the new status and records its event, or writes nothing.
 */

export interface ReviewPayload {
  readonly profile: Profile | null;
  readonly review: ProfileReview | null;
  readonly errors: UserError[];
}

const refusedReview = (errors: UserError[]): ReviewPayload => ({ profile: null, review: null, errors });

function requireLegal(profile: Profile, action: ProfileAction) {
  const next = transition(profile.status, action);
  if (!next.legal) refuse([violation('profileId', 'ILLEGAL_TRANSITION', next.message)]);
  return next.to;
}

/** Moves the profile to `status` and records `type` with the new state. */
async function moveTo(
  tx: EntityManager,
  cause: Cause,
  profile: Profile,
  status: Profile['status'],
  type: ProfileEventType,
  details: Record<string, unknown>,
): Promise<void> {
  profile.status = status;
  profile.revision += 1;
  profile.updatedAt = cause.now;
  await tx.flush();
  await recordProfileEvent(tx, cause, type, await loadProfileState(tx, profile), details);
}

/** Sends a draft (or a corrected rejected profile) for review, once it holds what a review needs. */
export function submitProfile(em: EntityManager, cause: Cause, input: { readonly profileId: string }) {
  requirePerson(cause.viewer);
  const profileId = requireId(input.profileId, 'profileId');
  return answering(
    () =>
      em.transactional(async (tx): Promise<ReviewPayload> => {
        const profile = await lockProfileToEdit(tx, cause.viewer, profileId);
        const status = requireLegal(profile, 'SUBMIT');
        const missing = submissionViolations(await loadProfileState(tx, profile));
        if (missing.length > 0) refuse(missing, []);
        profile.submittedAt = cause.now;
        await moveTo(tx, cause, profile, status, 'profiles.ProfileSubmitted', {
          trigger: 'SUBMITTED_BY_OWNER',
          submittedAt: cause.now.toISOString(),
        });
        return { profile, review: null, errors: [] };
      }),
    refusedReview,
  );
}

/** Takes a submitted profile back to DRAFT while no moderator has claimed it. */
export function withdrawProfile(em: EntityManager, cause: Cause, input: { readonly profileId: string }) {
  requirePerson(cause.viewer);
  const profileId = requireId(input.profileId, 'profileId');
  return answering(
    () =>
      em.transactional(async (tx): Promise<ReviewPayload> => {
        const profile = await lockProfileToEdit(tx, cause.viewer, profileId);
        const status = requireLegal(profile, 'WITHDRAW');
        profile.submittedAt = null;
        await moveTo(tx, cause, profile, status, 'profiles.ProfileUpdated', { changedParts: ['status'] });
        return { profile, review: null, errors: [] };
      }),
    refusedReview,
  );
}

type Reviewer = Extract<Viewer, { kind: 'USER' }>;

function requireReviewer(viewer: Viewer | null): Reviewer {
  if (viewer === null) throw unauthenticated('Sign in as a moderator to review profiles.');
  if (viewer.kind !== 'USER' || !hasRole(viewer, 'MODERATOR', 'ADMIN')) {
    throw forbidden('Only moderators and admins review profiles.');
  }
  return viewer;
}

async function lockProfileToReview(
  tx: EntityManager,
  reviewer: Reviewer,
  profileId: string,
): Promise<Profile> {
  const profile = await tx.findOne(
    ProfileSchema,
    { id: profileId },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!profile) refuse([PROFILE_NOT_FOUND]);
  if (!canReviewProfile(reviewer, profile)) throw forbidden('Nobody reviews their own profile.');
  return profile;
}

/** The review in progress on a profile IN_REVIEW. */
async function openReview(tx: EntityManager, profile: Profile): Promise<ProfileReview> {
  return tx.findOneOrFail(ProfileReviewSchema, { profile: profile.id, endedAt: null });
}

/** Claims a submitted profile: it is IN_REVIEW, assessed by the claiming moderator only. */
export function claimProfileReview(em: EntityManager, cause: Cause, input: { readonly profileId: string }) {
  const reviewer = requireReviewer(cause.viewer);
  const profileId = requireId(input.profileId, 'profileId');
  return answering(
    () =>
      em.transactional(async (tx): Promise<ReviewPayload> => {
        const profile = await lockProfileToReview(tx, reviewer, profileId);
        if (profile.status === 'IN_REVIEW') {
          const claimed = await openReview(tx, profile);
          refuse([
            violation(
              'profileId',
              'ALREADY_CLAIMED',
              claimed.reviewerId === reviewer.userId
                ? 'you are already reviewing this profile'
                : `another moderator has been reviewing this profile since ${claimed.claimedAt.toISOString()}`,
            ),
          ]);
        }
        const status = requireLegal(profile, 'CLAIM');
        const review = tx.create(ProfileReviewSchema, {
          profile,
          reviewerId: reviewer.userId,
          claimedAt: cause.now,
        });
        await tx.flush();
        await moveTo(tx, cause, profile, status, 'profiles.ProfileUpdated', {
          changedParts: ['status'],
          reviewId: review.id,
          reviewerId: reviewer.userId,
        });
        return { profile, review, errors: [] };
      }),
    refusedReview,
  );
}

/** The open review of a profile, when the viewer may end it: its moderator, or an admin taking over. */
async function reviewToEnd(tx: EntityManager, reviewer: Reviewer, profile: Profile, action: ProfileAction) {
  const status = requireLegal(profile, action);
  const review = await openReview(tx, profile);
  if (review.reviewerId !== reviewer.userId && !(action === 'RELEASE' && hasRole(reviewer, 'ADMIN'))) {
    refuse([violation('profileId', 'NOT_YOUR_REVIEW', 'another moderator is reviewing this profile')]);
  }
  return { status, review };
}

/**
 * Gives a claimed profile back to the queue unassessed, at its place (its submission date is kept): its
 * moderator, or an admin freeing a review left unfinished.
 */
export function releaseProfileReview(em: EntityManager, cause: Cause, input: { readonly profileId: string }) {
  const reviewer = requireReviewer(cause.viewer);
  const profileId = requireId(input.profileId, 'profileId');
  return answering(
    () =>
      em.transactional(async (tx): Promise<ReviewPayload> => {
        const profile = await lockProfileToReview(tx, reviewer, profileId);
        const { status, review } = await reviewToEnd(tx, reviewer, profile, 'RELEASE');
        tx.assign(review, { endedAt: cause.now, outcome: 'RELEASED' });
        await moveTo(tx, cause, profile, status, 'profiles.ProfileUpdated', {
          changedParts: ['status'],
          reviewId: review.id,
          reviewerId: review.reviewerId,
        });
        return { profile, review, errors: [] };
      }),
    refusedReview,
  );
}

/**
 * users.AccountDeleted of a moderator or admin: the reviews they left open go back to the queue at their
 * place (RELEASED, with `ProfileUpdated` as a release records it), so that no profile waits IN_REVIEW for
 * someone who is gone; the erasure then takes their id off every review (personal-data/erasure.ts).
 */
export async function releaseReviewsOfErasedReviewer(
  tx: EntityManager,
  reviewerId: string,
  now: Date,
): Promise<void> {
  const open = await tx.find(ProfileReviewSchema, { reviewerId, endedAt: null }, { orderBy: { id: 'asc' } });
  for (const review of open) {
    const profile = await tx.findOneOrFail(
      ProfileSchema,
      { id: review.profile.id },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const status = requireLegal(profile, 'RELEASE');
    tx.assign(review, { endedAt: now, outcome: 'RELEASED', reviewerId: null });
    await moveTo(tx, { viewer: null, now }, profile, status, 'profiles.ProfileUpdated', {
      changedParts: ['status'],
      reviewId: review.id,
      reviewerId: null,
    });
  }
}

/**
 * Ends a review with a decision, its assessment grid and (for a rejection) its reasons, all stored with
 * the review; the event tells the person (users subgraph notifications) and the read models.
 */
export function decideProfileReview(
  em: EntityManager,
  cause: Cause,
  decision: 'VALIDATED' | 'REJECTED',
  input: DecisionInput & { readonly profileId: string },
) {
  const reviewer = requireReviewer(cause.viewer);
  const profileId = requireId(input.profileId, 'profileId');
  return answering(
    () =>
      em.transactional(async (tx): Promise<ReviewPayload> => {
        const profile = await lockProfileToReview(tx, reviewer, profileId);
        const { status, review } = await reviewToEnd(
          tx,
          reviewer,
          profile,
          decision === 'VALIDATED' ? 'VALIDATE' : 'REJECT',
        );
        const checked = validateDecision(decision, input);
        if (!checked.ok) refuse(checked.violations);
        const { assessment, reasons, comment } = checked.value;
        tx.assign(review, { endedAt: cause.now, outcome: decision, assessment, reasons, comment });
        await moveTo(
          tx,
          cause,
          profile,
          status,
          decision === 'VALIDATED' ? 'profiles.ProfileValidated' : 'profiles.ProfileRejected',
          {
            reviewId: review.id,
            reviewerId: review.reviewerId,
            decidedAt: cause.now.toISOString(),
            reasons,
            comment,
          },
        );
        return { profile, review, errors: [] };
      }),
    refusedReview,
  );
}
