import type { EntityManager } from '@talentgraph/platform';
import {
  validateLanguages,
  validateProfileSkills,
  type LanguageInput,
  type ProfileSkillInput,
} from '../domain/skills.ts';
import { skillCatalog } from '../skills/catalog.ts';
import { refusedProfile, type ProfilePayload } from './basics.ts';
import { editProfile, type Cause } from './change.ts';
import { answering, refuse } from './refusals.ts';
import { replaceLanguages, replaceSkills } from './writes.ts';

/** Sets the whole list of a profile's skills, ranked strongest first (the order given). */
export function setProfileSkills(
  em: EntityManager,
  cause: Cause,
  input: { readonly profileId: string; readonly skills: readonly ProfileSkillInput[] },
): Promise<ProfilePayload> {
  return answering(async () => {
    const { profile } = await editProfile(em, cause, input.profileId, async (tx, profile) => {
      const checked = validateProfileSkills(input.skills, skillCatalog);
      if (!checked.ok) refuse(checked.violations);
      await replaceSkills(tx, profile, checked.value);
    });
    return { profile, errors: [] };
  }, refusedProfile);
}

/** Sets the whole list of a profile's languages. */
export function setProfileLanguages(
  em: EntityManager,
  cause: Cause,
  input: { readonly profileId: string; readonly languages: readonly LanguageInput[] },
): Promise<ProfilePayload> {
  return answering(async () => {
    const { profile } = await editProfile(em, cause, input.profileId, async (tx, profile) => {
      const checked = validateLanguages(input.languages);
      if (!checked.ok) refuse(checked.violations);
      await replaceLanguages(tx, profile, checked.value);
    });
    return { profile, errors: [] };
  }, refusedProfile);
}
