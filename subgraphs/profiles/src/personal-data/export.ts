import { wrap } from '@mikro-orm/core';
import { exportSection, type EntityManager } from '@talentgraph/platform';
import { CertificationSchema } from '../entities/Certification.ts';
import { EducationSchema } from '../entities/Education.ts';
import { ExperienceSchema } from '../entities/Experience.ts';
import { LanguageSkillSchema } from '../entities/LanguageSkill.ts';
import { OnboardingStepSchema } from '../entities/OnboardingStep.ts';
import { ProfileSchema } from '../entities/Profile.ts';
import { ProfileDocumentSchema } from '../entities/ProfileDocument.ts';
import { ProfileReviewSchema } from '../entities/ProfileReview.ts';
import { ProfileSkillSchema } from '../entities/ProfileSkill.ts';
import { ProfileUnlockSchema } from '../entities/ProfileUnlock.ts';

/** An entity's own columns as plain values, without the link back to its profile. */
function columnsOf(entity: object): Record<string, unknown> {
  const { profile: _profile, ...columns } = wrap(entity).toObject() as Record<string, unknown>;
  return columns;
}

/**
 * The profiles section of a person's export: their profile with every part of it, as stored (skills,
 * languages, experiences, education, certifications, onboarding drafts, CV documents and what was read
 * from them) and the reviews of it, with the moderators' assessment, reasons and comment but not who
 * they were; the organizations that unlocked it in recruiter search; and, for a recruiter, the profiles
 * they unlocked.
 */
export async function profilesSectionOf(em: EntityManager, userId: string): Promise<Record<string, unknown>> {
  // Profiles the person unlocked in recruiter search, for their organization.
  const unlocksMade = (
    await em.find(ProfileUnlockSchema, { unlockedBy: userId }, { orderBy: { unlockedAt: 'asc' } })
  ).map(({ profile, organizationId, unlockedAt }) => ({ profileId: profile.id, organizationId, unlockedAt }));
  const profile = await em.findOne(ProfileSchema, { userId });
  if (!profile) return exportSection({ profile: null, unlocksMade });
  const of = { profile: profile.id };
  const reviews = await em.find(ProfileReviewSchema, of, { orderBy: { claimedAt: 'asc' } });
  return exportSection({
    profile: {
      ...columnsOf(profile),
      skills: (await em.find(ProfileSkillSchema, of)).map(columnsOf),
      languages: (await em.find(LanguageSkillSchema, of)).map(columnsOf),
      experiences: (await em.find(ExperienceSchema, of)).map(columnsOf),
      education: (await em.find(EducationSchema, of)).map(columnsOf),
      certifications: (await em.find(CertificationSchema, of)).map(columnsOf),
      onboardingSteps: (await em.find(OnboardingStepSchema, of)).map(columnsOf),
      // The CVs as stored and read; each file itself is downloaded through Profile.documents.download.
      documents: (await em.find(ProfileDocumentSchema, of, { orderBy: { uploadedAt: 'asc' } })).map(
        columnsOf,
      ),
      reviews: reviews.map((review) => {
        const { reviewerId: _reviewer, ...decision } = columnsOf(review);
        return decision;
      }),
      // The organizations that unlocked the profile in recruiter search, and when (not which recruiter).
      unlocks: (await em.find(ProfileUnlockSchema, of, { orderBy: { unlockedAt: 'asc' } })).map(
        ({ organizationId, unlockedAt }) => ({ organizationId, unlockedAt }),
      ),
    },
    unlocksMade,
  });
}
