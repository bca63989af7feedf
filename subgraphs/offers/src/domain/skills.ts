import { skillKey } from '@talentgraph/vocabulary';

export { SKILL_NAME_MAX_LENGTH, isSearchableSkill, skillKey } from '@talentgraph/vocabulary';

/** The distinct comparison keys of all the skills an offer names, required or nice to have. */
export function skillKeysOf(...skillLists: readonly (readonly string[])[]): string[] {
  return [...new Set(skillLists.flat().map(skillKey))].filter((key) => key !== '');
}
