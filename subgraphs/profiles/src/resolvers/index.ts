import { scalarResolvers } from '@talentgraph/platform';
import { JSONObjectResolver } from 'graphql-scalars';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { Certification, Education, Experience } from './Career.ts';
import {
  ConsultantDetails,
  JobPreferences,
  MentorDetails,
  ProfileLocation,
  ProfileReview,
  SalaryExpectation,
} from './Details.ts';
import { CvReading, CvSuggestion, Document } from './Document.ts';
import { Match } from './Match.ts';
import { Mutation } from './Mutation.ts';
import { Onboarding, OnboardingStepProgress } from './Onboarding.ts';
import { PersonalDataExport } from './PersonalDataExport.ts';
import { Profile } from './Profile.ts';
import { ProfileSearchHit, SearchHitSkill, UnlockProfilePayload } from './ProfileSearch.ts';
import { Query } from './Query.ts';
import { ProfileSkill, Skill, SkillCategory } from './Skill.ts';
import { User } from './User.ts';

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  Date: scalarResolvers.Date,
  CountryCode: scalarResolvers.CountryCode,
  JSONObject: JSONObjectResolver,
  Query,
  Mutation,
  Profile,
  User,
  Match,
  Skill,
  SkillCategory,
  ProfileSkill,
  Experience,
  Education,
  Certification,
  ProfileLocation,
  SalaryExpectation,
  JobPreferences,
  ConsultantDetails,
  MentorDetails,
  ProfileReview,
  Onboarding,
  OnboardingStepProgress,
  PersonalDataExport,
  Document,
  CvReading,
  CvSuggestion,
  ProfileSearchHit,
  SearchHitSkill,
  UnlockProfilePayload,
};
