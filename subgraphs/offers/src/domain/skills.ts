/**
 * Skills are compared case-insensitively, so that a search for "typescript" finds offers asking for
 * "TypeScript"; this is the form in which they are compared.
 */
export function skillKey(skill: string): string {
  return skill.trim().toLowerCase();
}

/** The distinct comparison keys of all the skills an offer names, required or nice to have. */
export function skillKeysOf(...skillLists: readonly (readonly string[])[]): string[] {
  return [...new Set(skillLists.flat().map(skillKey))].filter((key) => key !== '');
}

/** Longest skill a search accepts; canonical skill names are far shorter. */
export const MAX_SKILL_LENGTH = 100;

/** Whether `skill` can be searched for: not blank, and not longer than any skill name. */
export function isSearchableSkill(skill: string): boolean {
  const key = skillKey(skill);
  return key.length > 0 && key.length <= MAX_SKILL_LENGTH;
}
