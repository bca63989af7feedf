import type { EntityName } from '@mikro-orm/core';
import type { SubgraphContext } from '@talentgraph/platform';
import type { ProfileState } from '../domain/profile-state.ts';
import { byDescendingProficiency } from '../domain/profile.ts';
import { CertificationSchema, type Certification } from '../entities/Certification.ts';
import { EducationSchema, type Education } from '../entities/Education.ts';
import { ExperienceSchema, type Experience } from '../entities/Experience.ts';
import { LanguageSkillSchema, type LanguageSkill } from '../entities/LanguageSkill.ts';
import { OnboardingStepSchema, type OnboardingStep } from '../entities/OnboardingStep.ts';
import type { Profile } from '../entities/Profile.ts';
import { ProfileDocumentSchema, type ProfileDocument } from '../entities/ProfileDocument.ts';
import { ProfileReviewSchema, type ProfileReview } from '../entities/ProfileReview.ts';
import { ProfileSkillSchema, type ProfileSkill } from '../entities/ProfileSkill.ts';
import { profileStateOf } from '../editing/state.ts';

/**
 * The child rows of the profiles of a request, one query per table for all of them (DataLoader), however
 * many profiles a response holds and however they were reached.
 */
function childrenOf<Child extends { readonly profile: { readonly id: string } }>(
  schema: EntityName<Child>,
  orderBy: Record<string, 'asc' | 'desc'> = {},
) {
  return (context: SubgraphContext, profileId: string): Promise<Child[]> =>
    context.loaders
      .custom<string, Child[]>(schema, async (profileIds) => {
        const rows = (await context.em.find(schema, { profile: { $in: [...profileIds] } } as never, {
          orderBy: orderBy as never,
        })) as Child[];
        return profileIds.map((id) => rows.filter((row) => row.profile.id === id));
      })
      .load(profileId);
}

export const skillsOf = childrenOf<ProfileSkill>(ProfileSkillSchema, { position: 'asc' });
export const languagesOf = async (context: SubgraphContext, profileId: string): Promise<LanguageSkill[]> =>
  (await childrenOf<LanguageSkill>(LanguageSkillSchema)(context, profileId)).sort(byDescendingProficiency);
export const experiencesOf = childrenOf<Experience>(ExperienceSchema);
export const educationOf = childrenOf<Education>(EducationSchema);
export const certificationsOf = childrenOf<Certification>(CertificationSchema, {
  issuedOn: 'desc',
  id: 'asc',
});
export const onboardingStepsOf = childrenOf<OnboardingStep>(OnboardingStepSchema);
export const reviewsOf = childrenOf<ProfileReview>(ProfileReviewSchema, { claimedAt: 'desc', id: 'asc' });
export const documentsOf = childrenOf<ProfileDocument>(ProfileDocumentSchema, {
  uploadedAt: 'desc',
  id: 'asc',
});

/** The whole state of a profile (domain/profile-state.ts), from the batched child rows. */
export async function stateOf(context: SubgraphContext, profile: Profile): Promise<ProfileState> {
  const [skills, languages, experiences, education, certifications] = await Promise.all([
    skillsOf(context, profile.id),
    languagesOf(context, profile.id),
    experiencesOf(context, profile.id),
    educationOf(context, profile.id),
    certificationsOf(context, profile.id),
  ]);
  return profileStateOf(profile, { skills, languages, experiences, education, certifications });
}
