/** Longest skill name accepted anywhere; canonical skill names are far shorter. */
export const SKILL_NAME_MAX_LENGTH = 100;

/** Removes diacritics: "Réseaux" → "Reseaux", "Saint-Étienne" → "Saint-Etienne". */
export function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** A skill name as displayed: Unicode-normalized, trimmed, inner white space collapsed. */
export function normalizeSkillName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

/**
 * What makes two skill names the same skill, wherever skills are compared (a profile's skills, an
 * offer's, a search, a match): case, accents, spaces and punctuation do not count ("Node.js" = "nodejs"
 * = "NodeJS", "Réseaux" = "reseaux"), except `+` and `#`, which tell C, C++ and C# apart.
 */
export function skillKey(name: string): string {
  return foldAccents(name)
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .replace(/#/g, 'sharp')
    .replace(/[^a-z0-9]/g, '');
}

/** Whether `name` can be searched for: it names something, and is no longer than any skill name. */
export function isSearchableSkill(name: string): boolean {
  return skillKey(name) !== '' && normalizeSkillName(name).length <= SKILL_NAME_MAX_LENGTH;
}
