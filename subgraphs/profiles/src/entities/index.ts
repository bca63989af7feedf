import { CertificationSchema } from './Certification.ts';
import { DocumentUploadSchema } from './DocumentUpload.ts';
import { EducationSchema } from './Education.ts';
import { ExperienceSchema } from './Experience.ts';
import { LanguageSkillSchema } from './LanguageSkill.ts';
import { OnboardingStepSchema } from './OnboardingStep.ts';
import { ProfileSchema } from './Profile.ts';
import { ProfileDocumentSchema } from './ProfileDocument.ts';
import { ProfileDocumentContentSchema } from './ProfileDocumentContent.ts';
import { ProfileReviewSchema } from './ProfileReview.ts';
import { ProfileSearchDocumentSchema } from './ProfileSearchDocument.ts';
import { ProfileSkillSchema } from './ProfileSkill.ts';
import { ProfileUnlockSchema } from './ProfileUnlock.ts';

export const entities = [
  ProfileSchema,
  ProfileSkillSchema,
  LanguageSkillSchema,
  ExperienceSchema,
  EducationSchema,
  CertificationSchema,
  OnboardingStepSchema,
  ProfileReviewSchema,
  ProfileDocumentSchema,
  ProfileDocumentContentSchema,
  DocumentUploadSchema,
  ProfileSearchDocumentSchema,
  ProfileUnlockSchema,
];
