import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nameKey } from '../src/names.ts';
import { CURATED_SKILLS, SHARED_NAMES } from '../scripts/curated-skills.ts';
import { ESCO_ATTRIBUTION, SKILL_CATEGORIES, allSkills, getSkill, isSkillCategoryId } from '../src/index.ts';
import { type StoredTaxonomy } from '../src/stored-taxonomy.ts';
import { taxonomy } from '../src/taxonomy.ts';

const stored = JSON.parse(
  readFileSync(new URL('../data/taxonomy.json', import.meta.url), 'utf8'),
) as StoredTaxonomy;

describe('the committed taxonomy', () => {
  it('holds at least 1,000 skills with unique, well-formed ids, in id order', () => {
    const ids = allSkills().map((skill) => skill.id);
    expect(ids.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids)
      expect(id).toMatch(
        /^(?:[a-z0-9]+(?:-[a-z0-9]+)*|esco:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
      );
  });

  it('gives every skill an English and a French label, and a known category', () => {
    for (const skill of allSkills()) {
      expect(skill.label.en.trim(), skill.id).not.toBe('');
      expect(skill.label.fr.trim(), skill.id).not.toBe('');
      expect(isSkillCategoryId(skill.category), `${skill.id}: ${skill.category}`).toBe(true);
    }
    const used = new Set(allSkills().map((skill) => skill.category));
    expect(SKILL_CATEGORIES.filter((category) => !used.has(category.id))).toEqual([]);
  });

  it('uses ESCO French labels; curated names written alike in both languages keep the English label', () => {
    // ESCO writes a few French labels like the English ones ("Oracle WebLogic", "mobile marketing").
    const esco = allSkills().filter((skill) => skill.source === 'esco');
    const untranslated = esco.filter((skill) => skill.label.fr === skill.label.en);
    expect(untranslated.length).toBeLessThan(esco.length / 10);
    expect(untranslated.filter((skill) => /^[a-z]/.test(skill.label.en)).length).toBeLessThan(5);
    expect(getSkill('machine-learning')?.label).toEqual({
      en: 'Machine learning',
      fr: 'Apprentissage automatique',
    });
    expect(getSkill('react')?.label).toEqual({ en: 'React', fr: 'React' });
  });

  it('has no name shared by two skills, except the declared ones', () => {
    const skillsByKey = new Map<string, Set<string>>();
    for (const name of taxonomy().names) {
      skillsByKey.set(name.key, (skillsByKey.get(name.key) ?? new Set()).add(name.skill.id));
    }
    const shared = [...skillsByKey].filter(([, ids]) => ids.size > 1).map(([key]) => key);
    expect(shared.sort()).toEqual(SHARED_NAMES.map((name) => nameKey(name.name)).sort());
  });

  it('contains every curated skill, and no ESCO language skill', () => {
    for (const curated of CURATED_SKILLS) {
      expect(getSkill(curated.id), curated.id).toMatchObject({
        source: 'curated',
        weight: 3,
        category: curated.category,
      });
    }
    expect(allSkills().filter((skill) => skill.source === 'curated')).toHaveLength(CURATED_SKILLS.length);
    const languageSkill = /^(speak|write|understand (spoken|written)|read|interact verbally in) [A-Z]/;
    expect(allSkills().filter((skill) => languageSkill.test(skill.label.en))).toEqual([]);
  });

  it('resolves ids of ESCO concepts that a curated skill took over', () => {
    const javascript = getSkill('javascript')!;
    expect(javascript.escoUri).toMatch(/^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/);
    const escoId = `esco:${javascript.escoUri!.slice(javascript.escoUri!.lastIndexOf('/') + 1)}`;
    expect(allSkills().some((skill) => skill.id === escoId)).toBe(false);
    expect(getSkill(escoId)).toBe(javascript);
    expect(getSkill(javascript.escoUri!)).toBe(javascript);
    const esco = allSkills().find((skill) => skill.source === 'esco')!;
    expect(getSkill(esco.escoUri!)).toBe(esco);
    expect(getSkill('no-such-skill')).toBeUndefined();
    expect(getSkill('esco:00000000-0000-0000-0000-000000000000')).toBeUndefined();
  });

  it('carries the ESCO attribution', () => {
    expect(stored.attribution).toBe(ESCO_ATTRIBUTION);
    expect(ESCO_ATTRIBUTION).toBe('This service uses the ESCO classification of the European Commission.');
    expect(stored.source).toMatch(/ESCO v1\.1\.1.*CC BY 4\.0/);
  });

  it('lists context and capitalization rules only for names a skill has', () => {
    for (const skill of stored.skills) {
      const own = new Set(
        [
          skill.en,
          skill.fr ?? skill.en,
          ...(skill.aliases ?? []),
          ...(skill.enAliases ?? []),
          ...(skill.frAliases ?? []),
        ].map(nameKey),
      );
      for (const name of [...(skill.needsContext ?? []), ...(skill.caseSensitive ?? [])]) {
        expect(own.has(nameKey(name)), `${skill.id}: ${name}`).toBe(true);
      }
    }
  });
});
