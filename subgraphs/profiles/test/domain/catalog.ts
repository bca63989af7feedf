import type { CanonicalSkill, SkillCatalog } from '../../src/domain/skill-catalog.ts';

/** A small skill catalog of the tests' own, so the domain rules are tested without the real taxonomy. */
const SKILLS: readonly (CanonicalSkill & { readonly names: readonly string[] })[] = [
  { id: 'typescript', name: 'TypeScript', names: ['typescript', 'ts'] },
  { id: 'react', name: 'React', names: ['react', 'reactjs', 'react.js'] },
  { id: 'graphql', name: 'GraphQL', names: ['graphql'] },
];

export const testCatalog: SkillCatalog = {
  byId: (id) => SKILLS.find((skill) => skill.id === id) ?? null,
  resolve: (text) => SKILLS.find((skill) => skill.names.includes(text.trim().toLowerCase())) ?? null,
  suggest: (text, limit) =>
    SKILLS.filter((skill) =>
      skill.name.toLowerCase().startsWith(text.trim().toLowerCase().slice(0, 3)),
    ).slice(0, limit),
};
