export {
  SKILL_CATEGORIES,
  type SkillCategory,
  type SkillCategoryId,
  isSkillCategoryId,
} from './categories.ts';
export {
  type FindSkillsOptions,
  type MentionEvidence,
  type SkillInText,
  type SkillMention,
  findSkillsInText,
} from './extract.ts';
export { type NormalizeOptions, type SkillMatch, type SkillMatchKind, normalizeSkill } from './normalize.ts';
export {
  SKILL_SEARCH_DEFAULT_LIMIT,
  SKILL_SEARCH_MAX_LIMIT,
  type SkillSearchMatch,
  type SkillSearchOptions,
  type SkillSearchResult,
  searchSkills,
} from './search.ts';
export { ESCO_ATTRIBUTION } from './stored-taxonomy.ts';
export {
  SKILL_LANGUAGES,
  type Skill,
  type SkillLanguage,
  allSkills,
  getSkill,
  skillLabel,
} from './taxonomy.ts';
