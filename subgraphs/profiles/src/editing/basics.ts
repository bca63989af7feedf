import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { forbidden, isSelf } from '@talentgraph/auth';
import { recordDomainEvent, requireId, type EntityManager } from '@talentgraph/platform';
import { creationRefusal } from '../domain/access.ts';
import { validateBasics, type BasicsChange } from '../domain/basics.ts';
import { calendarDateOf } from '../domain/dates.ts';
import { completionOf } from '../domain/completion.ts';
import type { ProfileKind } from '../domain/profile.ts';
import { violation } from '../domain/violations.ts';
import { ProfileSchema, type Profile } from '../entities/Profile.ts';
import { editProfile, lockProfileToEdit, recordProfileEvent, type Cause } from './change.ts';
import { answering, refuse, requirePerson, type UserError } from './refusals.ts';
import { loadProfileState } from './state.ts';
import { applyBasics } from './writes.ts';

export interface ProfilePayload {
  readonly profile: Profile | null;
  readonly errors: UserError[];
}

export const refusedProfile = (errors: UserError[]): ProfilePayload => ({ profile: null, errors });

const ALREADY_EXISTS = violation(
  '',
  'PROFILE_ALREADY_EXISTS',
  'this account already has a profile; edit it instead',
);

export interface CreateProfileInput extends BasicsChange {
  readonly kind: ProfileKind;
  readonly organizationId?: string | null;
  /** The account the profile is for, when a firm creates its consultant's; the caller's own by default. */
  readonly userId?: string | null;
}

/**
 * Creates a profile (one per account) as a DRAFT, with the basics already given: the signed-in person's
 * own, or — for a firm's owner or admin — the profile of one of its consultants.
 */
export function createProfile(
  em: EntityManager,
  cause: Cause,
  input: CreateProfileInput,
): Promise<ProfilePayload> {
  const person = requirePerson(cause.viewer);
  const organizationId =
    input.organizationId == null ? null : requireId(input.organizationId, 'organizationId');
  const userId = input.userId == null ? person.userId : requireId(input.userId, 'userId');
  return answering(async () => {
    const refusal = creationRefusal(person, { kind: input.kind, organizationId, userId });
    if (refusal) refuse([violation(refusal.field, refusal.code, refusal.message)]);
    const basics = validateBasics(input, calendarDateOf(cause.now));
    if (!basics.ok) refuse(basics.violations);
    try {
      return await em.transactional(async (tx) => {
        if (await tx.count(ProfileSchema, { userId })) refuse([ALREADY_EXISTS]);
        const profile = tx.create(ProfileSchema, {
          userId,
          kind: input.kind,
          organizationId,
          status: 'DRAFT',
          createdAt: cause.now,
          updatedAt: cause.now,
        });
        applyBasics(profile, basics.value);
        const state = await loadProfileState(tx, profile);
        profile.completion = completionOf(state).percent;
        await tx.flush();
        await recordProfileEvent(tx, cause, 'profiles.ProfileCreated', state);
        return { profile, errors: [] };
      });
    } catch (error) {
      // Two creations for one account at the same time: the unique user id lets one through.
      if (error instanceof UniqueConstraintViolationException) refuse([ALREADY_EXISTS]);
      throw error;
    }
  }, refusedProfile);
}

export interface UpdateProfileInput extends BasicsChange {
  readonly profileId: string;
}

/** Changes the basics of a profile: an omitted field keeps its value, null clears it. */
export function updateProfile(
  em: EntityManager,
  cause: Cause,
  input: UpdateProfileInput,
): Promise<ProfilePayload> {
  return answering(async () => {
    const { profile } = await editProfile(em, cause, input.profileId, async (_tx, profile) => {
      const basics = validateBasics(input, calendarDateOf(cause.now));
      if (!basics.ok) refuse(basics.violations);
      applyBasics(profile, basics.value);
    });
    return { profile, errors: [] };
  }, refusedProfile);
}

export interface DeleteProfilePayload {
  readonly deletedProfileId: string | null;
  readonly errors: UserError[];
}

/**
 * Deletes a profile with everything it holds (the tables cascade). Only the person it belongs to deletes
 * it: a consultant's firm manages the profile but does not erase a person's data.
 */
export function deleteProfile(
  em: EntityManager,
  cause: Cause,
  input: { readonly profileId: string },
): Promise<DeleteProfilePayload> {
  const person = requirePerson(cause.viewer);
  const profileId = requireId(input.profileId, 'profileId');
  return answering(
    () =>
      em.transactional(async (tx) => {
        const profile = await lockProfileToEdit(tx, person, profileId);
        if (!isSelf(person, profile.userId))
          throw forbidden('Only the person a profile belongs to deletes it.');
        await removeProfile(tx, cause, profile);
        return { deletedProfileId: profileId, errors: [] } as DeleteProfilePayload;
      }),
    (errors): DeleteProfilePayload => ({ deletedProfileId: null, errors }),
  );
}

/**
 * Removes a profile and records `profiles.ProfileDeleted`, in the caller's transaction: the one way a
 * profile disappears (its owner deleting it, or the erasure of the account).
 */
export async function removeProfile(tx: EntityManager, cause: Cause, profile: Profile): Promise<void> {
  const { id, userId, kind } = profile;
  tx.remove(profile);
  await tx.flush();
  recordDomainEvent(tx, cause, {
    type: 'profiles.ProfileDeleted',
    version: 1,
    aggregate: { type: 'Profile', id },
    payload: { profileId: id, userId, kind },
  });
}
