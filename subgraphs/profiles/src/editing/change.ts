import { LockMode } from '@mikro-orm/core';
import { forbidden, type Viewer } from '@talentgraph/auth';
import { recordDomainEvent, requireId, type EntityManager } from '@talentgraph/platform';
import { canEditProfile } from '../domain/access.ts';
import { completionOf } from '../domain/completion.ts';
import { changedParts, touchesKeyFields, type ProfilePart } from '../domain/key-fields.ts';
import type { ProfileState } from '../domain/profile-state.ts';
import { profileSnapshot } from '../domain/snapshot.ts';
import { transition } from '../domain/status-workflow.ts';
import { violation, type Violation } from '../domain/violations.ts';
import { canSeeProfile, dependsOnUnlocks } from '../domain/visibility.ts';
import { ProfileSchema, type Profile } from '../entities/Profile.ts';
import { syncSearchDocument } from '../search/search-sync.ts';
import { unlockingOrganizationsIn } from '../unlocks/unlocks.ts';
import { PROFILE_NOT_FOUND, refuse, requirePerson } from './refusals.ts';
import { loadProfileState } from './state.ts';

/** Who caused a change, and when: what events record. */
export interface Cause {
  readonly viewer: Viewer | null;
  readonly now: Date;
}

/**
 * Reads a profile for a change, its row locked until the transaction ends (two edits of one profile run
 * one after the other, never interleaved). A profile the caller may not see is refused as unknown;
 * one they see but may not edit is FORBIDDEN.
 */
export async function lockProfileToEdit(
  tx: EntityManager,
  viewer: Viewer | null,
  profileId: string,
  notFound: Violation = PROFILE_NOT_FOUND,
): Promise<Profile> {
  const profile = await tx.findOne(
    ProfileSchema,
    { id: profileId },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!profile) refuse([notFound]);
  const unlockedBy = dependsOnUnlocks(profile, viewer)
    ? await unlockingOrganizationsIn(tx, viewer, profile.id)
    : [];
  if (!canSeeProfile(profile, viewer, unlockedBy)) refuse([notFound]);
  if (!canEditProfile(viewer, profile)) {
    throw forbidden(
      'Only the person a profile belongs to (and, for a consultant, their firm’s owners and admins) edits it.',
    );
  }
  return profile;
}

export const PROFILE_EVENT_VERSION = 1;

export type ProfileEventType =
  | 'profiles.ProfileCreated'
  | 'profiles.ProfileUpdated'
  | 'profiles.ProfileSubmitted'
  | 'profiles.ProfileValidated'
  | 'profiles.ProfileRejected'
  | 'profiles.ProfileDeleted';

/**
 * Records a `profiles.*` event about `state`, with its snapshot (see README: events), and brings the
 * profile's search document in line with it (search/search-sync.ts): every change of a profile ends here,
 * so the event and the search index commit with the change.
 */
export async function recordProfileEvent(
  tx: EntityManager,
  cause: Cause,
  type: ProfileEventType,
  state: ProfileState,
  details: Record<string, unknown> = {},
): Promise<void> {
  recordDomainEvent(tx, cause, {
    type,
    version: PROFILE_EVENT_VERSION,
    aggregate: { type: 'Profile', id: state.id },
    payload: { profileId: state.id, userId: state.userId, ...details, profile: profileSnapshot(state) },
  });
  await syncSearchDocument(tx, state, cause.now);
}

/** The state after a write of `profile`'s own columns, as it now stands. */
function withProfileColumns(state: ProfileState, profile: Profile): ProfileState {
  return { ...state, status: profile.status, revision: profile.revision };
}

/**
 * What every edit ends with, once its writes are flushed: nothing when nothing changed; otherwise the
 * key-field rule (a VALIDATED profile whose key fields changed goes back to SUBMITTED; a profile IN_REVIEW
 * refuses such a change), a new revision, the completion gauge, and the events.
 */
export async function concludeEdit(
  tx: EntityManager,
  cause: Cause,
  profile: Profile,
  before: ProfileState,
): Promise<ProfilePart[]> {
  const after = await loadProfileState(tx, profile);
  const parts = changedParts(before, after);
  if (parts.length === 0) return parts;
  let resubmitted = false;
  if (touchesKeyFields(before, after)) {
    const next = transition(profile.status, 'EDIT_KEY_FIELDS');
    if (!next.legal) refuse([violation('', 'PROFILE_IN_REVIEW', next.message)]);
    if (next.to !== profile.status) {
      profile.status = next.to;
      profile.submittedAt = cause.now;
      resubmitted = true;
    }
  }
  profile.revision += 1;
  profile.updatedAt = cause.now;
  profile.completion = completionOf(after).percent;
  await tx.flush();
  const state = withProfileColumns(after, profile);
  await recordProfileEvent(tx, cause, 'profiles.ProfileUpdated', state, { changedParts: parts });
  if (resubmitted) {
    await recordProfileEvent(tx, cause, 'profiles.ProfileSubmitted', state, {
      trigger: 'KEY_FIELDS_EDITED',
      submittedAt: cause.now.toISOString(),
    });
  }
  return parts;
}

/**
 * One edit of a profile, whole or not at all: lock, check the caller's right, apply `change` (which
 * validates and throws a Refusal before writing anything wrong), then `concludeEdit`.
 */
export async function editProfile<Result>(
  em: EntityManager,
  cause: Cause,
  rawProfileId: string,
  change: (tx: EntityManager, profile: Profile, before: ProfileState) => Promise<Result>,
  notFound: Violation = PROFILE_NOT_FOUND,
): Promise<{ profile: Profile; result: Result }> {
  requirePerson(cause.viewer);
  const profileId = requireId(rawProfileId, 'profileId');
  return em.transactional(async (tx) => {
    const profile = await lockProfileToEdit(tx, cause.viewer, profileId, notFound);
    const before = await loadProfileState(tx, profile);
    const result = await change(tx, profile, before);
    await tx.flush();
    await concludeEdit(tx, cause, profile, before);
    return { profile, result };
  });
}
