import { describe, expect, it } from 'vitest';
import { SKILL_SEARCH_MAX_LIMIT, type SkillSearchMatch, searchSkills } from '../src/index.ts';

const TIER: Record<SkillSearchMatch, number> = {
  exact: 4,
  'label-prefix': 3,
  'alias-prefix': 2,
  'word-prefix': 1,
  fuzzy: 0,
};

const ids = (query: string, options = {}) => searchSkills(query, options).map((result) => result.skill.id);

describe('searchSkills', () => {
  it('puts the exact name first, then labels starting with the query', () => {
    const results = searchSkills('java');
    expect(results[0]).toMatchObject({ skill: { id: 'java' }, match: 'exact', label: 'Java' });
    expect(results[1]).toMatchObject({ skill: { id: 'javascript' }, match: 'label-prefix' });
    expect(ids('react')[0]).toBe('react');
    expect(ids('react')).toContain('react-native');
    expect(ids('c')[0]).toBe('c');
    expect(ids('c#')[0]).toBe('csharp');
    expect(ids('c++')[0]).toBe('cpp');
    expect(ids('k8s')[0]).toBe('kubernetes');
  });

  it('ranks exact > label prefix > alias prefix > word prefix > fuzzy', () => {
    for (const query of ['java', 'sql', 'data', 'learn', 'node', 'gestion', 'dev', 'py', 'spring']) {
      const tiers = searchSkills(query, { limit: SKILL_SEARCH_MAX_LIMIT }).map(
        (result) => TIER[result.match],
      );
      expect(tiers, query).toEqual([...tiers].sort((a, b) => b - a));
    }
    expect(searchSkills('sql', { limit: 20 }).map((result) => [result.skill.id, result.match])).toEqual(
      expect.arrayContaining([
        ['sql', 'exact'],
        ['sqlite', 'label-prefix'],
        ['sql-server', 'alias-prefix'],
        ['plsql', 'word-prefix'],
      ]),
    );
    expect(
      searchSkills('learning', { limit: 20 }).find((result) => result.skill.id === 'machine-learning')?.match,
    ).toBe('word-prefix');
  });

  it('puts curated skills above ESCO ones that match as well', () => {
    for (const query of ['dev', 'data', 'c', 'a', 'design', 'cloud']) {
      const results = searchSkills(query, { limit: SKILL_SEARCH_MAX_LIMIT });
      for (let index = 1; index < results.length; index += 1) {
        const [previous, current] = [results[index - 1]!, results[index]!];
        if (previous.match === current.match && previous.skill.source === 'esco') {
          expect(current.skill.source, `${query}: ${current.skill.id} after ${previous.skill.id}`).toBe(
            'esco',
          );
        }
      }
    }
    expect(ids('dev').slice(0, 2)).toEqual(['devops', 'devsecops']);
  });

  it('ignores case, accents, spaces and punctuation', () => {
    expect(ids('POSTGRES')[0]).toBe('postgresql');
    expect(ids('node j')[0]).toBe('nodejs');
    expect(ids('nodejs')[0]).toBe('nodejs');
    expect(ids('reseaux informatiques', { language: 'fr' })[0]).toBe('computer-networking');
    expect(ids('Réseaux Informatiques', { language: 'fr' })[0]).toBe('computer-networking');
    expect(ids('cybersecu')[0]).toBe('cybersecurity');
    expect(ids('cybersécu', { language: 'fr' })[0]).toBe('cybersecurity');
  });

  it('searches both languages and labels results in the requested one', () => {
    const french = searchSkills('gestion de p', { language: 'fr' });
    expect(french[0]).toMatchObject({
      skill: { id: 'project-management' },
      label: 'Gestion de projet',
      match: 'label-prefix',
    });
    const english = searchSkills('gestion de p', { language: 'en' });
    expect(english[0]).toMatchObject({
      skill: { id: 'project-management' },
      label: 'Project management',
      match: 'alias-prefix',
    });
    expect(searchSkills('machine lea', { language: 'fr' })[0]).toMatchObject({
      skill: { id: 'machine-learning' },
      label: 'Apprentissage automatique',
    });
    expect(searchSkills('apprentissage auto', { language: 'en' })[0]).toMatchObject({
      skill: { id: 'machine-learning' },
      label: 'Machine learning',
      matched: 'Apprentissage automatique',
    });
  });

  it('prefers the names of the requested language when they match as well', () => {
    const english = searchSkills('analyse', { language: 'en', limit: 5 });
    const french = searchSkills('analyse', { language: 'fr', limit: 5 });
    expect(english.every((result) => result.label.toLowerCase().startsWith('analys'))).toBe(true);
    expect(french[0]?.label.toLowerCase().startsWith('analyse')).toBe(true);
    expect(french.map((result) => result.skill.id)).not.toEqual(english.map((result) => result.skill.id));
  });

  it('finds typos only when nothing starts with the query', () => {
    expect(searchSkills('kuberbetes')[0]).toMatchObject({ skill: { id: 'kubernetes' }, match: 'fuzzy' });
    expect(searchSkills('javscr')[0]).toMatchObject({ skill: { id: 'javascript' }, match: 'fuzzy' });
    expect(searchSkills('react').some((result) => result.match === 'fuzzy')).toBe(false);
    expect(searchSkills('gti')).toEqual([]);
  });

  it('filters by category and honours the limit', () => {
    const cloud = searchSkills('a', { category: 'cloud', limit: 50 });
    expect(cloud.length).toBeGreaterThan(5);
    expect(cloud.every((result) => result.skill.category === 'cloud')).toBe(true);
    expect(searchSkills('react', { category: 'databases' })).toEqual([]);
    expect(searchSkills('a')).toHaveLength(10);
    expect(searchSkills('a', { limit: 3 })).toHaveLength(3);
    expect(searchSkills('a', { limit: 1000 })).toHaveLength(SKILL_SEARCH_MAX_LIMIT);
    expect(searchSkills('a', { limit: 0 })).toHaveLength(1);
  });

  it('returns one result per skill, and nothing for an empty query', () => {
    const results = searchSkills('react', { limit: 50 });
    expect(new Set(results.map((result) => result.skill.id)).size).toBe(results.length);
    expect(searchSkills('')).toEqual([]);
    expect(searchSkills('  ...  ')).toEqual([]);
  });
});
