import type { Skill, SkillCategoryId, SkillLanguage } from '@talentgraph/skills';
import type { CvSuggestion } from '../cv-parsing/index.ts';
import type { OnboardingStep, OnboardingStepStatus } from '../domain/onboarding.ts';
import type { JobPreferencesState } from '../domain/profile-state.ts';
import type { OnboardingStep as StoredStep } from '../entities/OnboardingStep.ts';
import type { Profile } from '../entities/Profile.ts';
import type { ProfileDocument } from '../entities/ProfileDocument.ts';

/** What the resolvers of the types that are no entity of their own receive as parent. */

/** A skill, with the language it was asked in (names default to it). */
export interface SkillParent {
  readonly skill: Skill;
  readonly language: SkillLanguage;
}

export interface SkillCategoryParent {
  readonly id: SkillCategoryId;
}

export interface JobPreferencesParent {
  readonly preferences: JobPreferencesState;
  /** Whether the caller sees the private preferences (discoverability, hidden organizations). */
  readonly private: boolean;
}

export interface OnboardingParent {
  readonly profile: Profile;
}

export interface OnboardingStepParent {
  readonly step: OnboardingStep;
  readonly status: OnboardingStepStatus;
  readonly stored: StoredStep | null;
}

/** A match of the matching subgraph, as the gateway gives it: its id and its profile's (`@requires`). */
export interface MatchParent {
  readonly id: string;
  readonly profileId: string;
}

export interface CvReadingParent {
  readonly document: ProfileDocument;
}

export interface CvSuggestionParent {
  readonly suggestion: CvSuggestion;
  readonly document: ProfileDocument;
}
