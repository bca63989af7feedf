import type { EntityManager } from '@talentgraph/platform';
import {
  validateConsultantDetails,
  validateJobPreferences,
  validateMentorDetails,
  type ConsultantChange,
  type JobPreferencesChange,
  type MentorChange,
} from '../domain/preferences.ts';
import type { ProfileKind } from '../domain/profile.ts';
import { violation } from '../domain/violations.ts';
import type { Profile } from '../entities/Profile.ts';
import { refusedProfile, type ProfilePayload } from './basics.ts';
import { editProfile, type Cause } from './change.ts';
import { answering, refuse } from './refusals.ts';
import { consultantOf, mentorOf, preferencesOf } from './state.ts';
import { applyConsultant, applyMentor, applyPreferences } from './writes.ts';

/** What a person looks for: titles, contracts, salary, sectors, mobility, discoverability… */
export function updateJobPreferences(
  em: EntityManager,
  cause: Cause,
  input: JobPreferencesChange & { readonly profileId: string },
): Promise<ProfilePayload> {
  return answering(async () => {
    const { profile } = await editProfile(em, cause, input.profileId, async (_tx, profile) => {
      const checked = validateJobPreferences(input, preferencesOf(profile));
      if (!checked.ok) refuse(checked.violations);
      applyPreferences(profile, checked.value);
    });
    return { profile, errors: [] };
  }, refusedProfile);
}

function requireKind(profile: Profile, kind: ProfileKind): void {
  if (profile.kind !== kind) {
    refuse([
      violation(
        'profileId',
        'WRONG_PROFILE_KIND',
        `only a ${kind} profile has these details; this one is ${profile.kind}`,
      ),
    ]);
  }
}

/** A consultant's daily rate and availability, kept up to date by them or their firm. */
export function updateConsultantDetails(
  em: EntityManager,
  cause: Cause,
  input: ConsultantChange & { readonly profileId: string },
): Promise<ProfilePayload> {
  return answering(async () => {
    const { profile } = await editProfile(em, cause, input.profileId, async (_tx, profile) => {
      requireKind(profile, 'CONSULTANT');
      const checked = validateConsultantDetails(input, consultantOf(profile)!);
      if (!checked.ok) refuse(checked.violations);
      applyConsultant(profile, checked.value);
    });
    return { profile, errors: [] };
  }, refusedProfile);
}

/** A mentor's areas of expertise, years of mentoring and hourly rate (their rating comes from mentees). */
export function updateMentorDetails(
  em: EntityManager,
  cause: Cause,
  input: MentorChange & { readonly profileId: string },
): Promise<ProfilePayload> {
  return answering(async () => {
    const { profile } = await editProfile(em, cause, input.profileId, async (_tx, profile) => {
      requireKind(profile, 'MENTOR');
      const checked = validateMentorDetails(input, mentorOf(profile)!);
      if (!checked.ok) refuse(checked.violations);
      applyMentor(profile, checked.value);
    });
    return { profile, errors: [] };
  }, refusedProfile);
}
