/**
 * What profiles need of the canonical skill taxonomy (@talentgraph/skills): a skill by its id, the skill
 * that free text means ("ReactJS", "react.js" → React), and suggestions for text that means none. Domain
 * rules depend on this port only, so they are tested with a small catalog of their own.
 */
export interface CanonicalSkill {
  /** Stable identifier, stored on profiles; the names may be reworded, the id stays. */
  readonly id: string;
  /** Preferred English name, for example React. */
  readonly name: string;
}

export interface SkillCatalog {
  byId(id: string): CanonicalSkill | null;
  /** The canonical skill that `text` names (a name, an alias, in English or French), or null. */
  resolve(text: string): CanonicalSkill | null;
  /** Skills whose names come closest to `text`, best first, at most `limit`. */
  suggest(text: string, limit: number): CanonicalSkill[];
}

/** How a profile refers to a skill: by the taxonomy's id, or by a name the taxonomy resolves. */
export interface SkillReference {
  readonly id?: string | null;
  readonly name?: string | null;
}

const SUGGESTIONS = 3;

export type SkillResolution =
  | { readonly skill: CanonicalSkill }
  | { readonly code: 'UNKNOWN_SKILL' | 'SKILL_REFERENCE_REQUIRED'; readonly message: string };

/**
 * The canonical skill a reference means. An id must be one of the taxonomy's; a name is normalized
 * through it, and a name it does not know is refused with the closest skills as suggestions, so that
 * profiles only ever hold skills that matching and search can compare.
 */
export function resolveSkill(catalog: SkillCatalog, reference: SkillReference): SkillResolution {
  const id = reference.id ?? null;
  const name = reference.name?.trim() ?? '';
  if ((id === null) === (name === '')) {
    return {
      code: 'SKILL_REFERENCE_REQUIRED',
      message: 'give either the id of a skill or its name, not both',
    };
  }
  if (id !== null) {
    const skill = catalog.byId(id);
    return skill ? { skill } : { code: 'UNKNOWN_SKILL', message: `no skill has the id "${id}"` };
  }
  const skill = catalog.resolve(name);
  if (skill) return { skill };
  const suggestions = catalog.suggest(name, SUGGESTIONS).map((suggestion) => suggestion.name);
  return {
    code: 'UNKNOWN_SKILL',
    message:
      suggestions.length > 0
        ? `"${name}" is not a known skill; did you mean ${suggestions.map((found) => `"${found}"`).join(', ')}?`
        : `"${name}" is not a known skill`,
  };
}
