import { getSkill, SKILL_CATEGORIES, type SkillLanguage } from '@talentgraph/skills';
import type {
  ProfileSkillResolvers,
  SkillCategoryResolvers,
  SkillLanguage as GraphQLSkillLanguage,
  SkillResolvers,
} from '../generated/resolvers-types.ts';
import type { SkillParent } from './parents.ts';

/** The taxonomy's language code of a GraphQL SkillLanguage (EN → en). */
export const languageOf = (language: GraphQLSkillLanguage | null | undefined): SkillLanguage | undefined =>
  language == null ? undefined : language === 'FR' ? 'fr' : 'en';

/** A stored skill id as a Skill; an id the taxonomy no longer knows keeps the name stored with it. */
export function skillNode(id: string, storedName: string): SkillParent {
  const skill = getSkill(id);
  if (skill) return { skill, language: 'en' };
  return {
    skill: {
      id,
      category: 'sector-specific',
      label: { en: storedName, fr: storedName },
      aliases: { en: [], fr: [] },
      source: 'curated',
      escoUri: null,
      weight: 1,
    },
    language: 'en',
  };
}

export const Skill: SkillResolvers = {
  id: ({ skill }) => skill.id,
  name: ({ skill, language }, args) => skill.label[languageOf(args.language) ?? language],
  aliases: ({ skill, language }, args) => [...skill.aliases[languageOf(args.language) ?? language]],
  category: ({ skill }) => ({ id: skill.category }),
};

export const SkillCategory: SkillCategoryResolvers = {
  name: ({ id }, args) => {
    const category = SKILL_CATEGORIES.find((candidate) => candidate.id === id)!;
    return category[languageOf(args.language) ?? 'en'];
  },
};

export const ProfileSkill: ProfileSkillResolvers = {
  skill: (row) => skillNode(row.skillId, row.name),
  name: (row) => skillNode(row.skillId, row.name).skill.label.en,
};
