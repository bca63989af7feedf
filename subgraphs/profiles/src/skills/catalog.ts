import { getSkill, normalizeSkill, searchSkills, type Skill } from '@talentgraph/skills';
import type { CanonicalSkill, SkillCatalog } from '../domain/skill-catalog.ts';

/**
 * Below this confidence a normalized name is a guess ("Reakt" → React?): it is offered as a suggestion,
 * never stored on a profile (@talentgraph/skills documents the confidence scale).
 */
export const APPLIED_MATCH_CONFIDENCE = 0.75;

const canonical = (skill: Skill): CanonicalSkill => ({ id: skill.id, name: skill.label.en });

/** The taxonomy of @talentgraph/skills behind the domain's SkillCatalog port. */
export const skillCatalog: SkillCatalog = {
  byId(id) {
    const skill = getSkill(id);
    return skill === undefined ? null : canonical(skill);
  },
  resolve(text) {
    const match = normalizeSkill(text);
    return match !== null && match.confidence >= APPLIED_MATCH_CONFIDENCE ? canonical(match.skill) : null;
  },
  suggest(text, limit) {
    const guess = normalizeSkill(text);
    const found = [
      ...(guess === null ? [] : [guess.skill]),
      ...searchSkills(text, { limit }).map((result) => result.skill),
    ];
    const unique = [...new Map(found.map((skill) => [skill.id, skill])).values()];
    return unique.slice(0, limit).map(canonical);
  },
};
