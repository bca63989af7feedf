import { getSkill } from '@talentgraph/skills';
import type { CanonicalSkillId } from './search-request.ts';
import type { SkillNames } from './search-document.ts';

/** The taxonomy of @talentgraph/skills as search needs it: the names of a skill, and canonical ids. */
export const taxonomySkillNames: SkillNames = {
  namesOf(skillId) {
    const skill = getSkill(skillId);
    if (skill === undefined) return null;
    return { labels: [skill.label.en, skill.label.fr], aliases: [...skill.aliases.en, ...skill.aliases.fr] };
  },
};

/** A skill id of the taxonomy in its canonical form (an ESCO id of a curated skill is that skill), or null. */
export const canonicalSkillId: CanonicalSkillId = (id) => getSkill(id)?.id ?? null;
