import { LanguageSkillSchema } from './LanguageSkill.ts';
import { ProfileSchema } from './Profile.ts';
import { ProfileSkillSchema } from './ProfileSkill.ts';

export const entities = [ProfileSchema, ProfileSkillSchema, LanguageSkillSchema];
