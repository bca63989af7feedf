import { describe, expect, it } from 'vitest';
import {
  SKILL_NAME_MAX_LENGTH,
  foldAccents,
  isSearchableSkill,
  normalizeSkillName,
  skillKey,
} from '../src/skills.ts';

describe('skillKey', () => {
  it('ignores case, accents, spaces and punctuation', () => {
    expect(new Set(['Node.js', 'nodejs', 'NodeJS', ' node js ', 'NODE.JS'].map(skillKey))).toEqual(
      new Set(['nodejs']),
    );
    expect(skillKey('Réseaux')).toBe(skillKey('reseaux'));
    expect(skillKey(' PostgreSQL')).toBe('postgresql');
  });

  it('keeps C, C++ and C# apart', () => {
    expect(new Set(['C', 'C++', 'C#'].map(skillKey)).size).toBe(3);
  });

  it('tells different skills apart', () => {
    expect(skillKey('Node.js')).not.toBe(skillKey('Node'));
    expect(skillKey('Java')).not.toBe(skillKey('JavaScript'));
  });
});

describe('normalizeSkillName', () => {
  it('trims and collapses white space, keeping the spelling', () => {
    expect(normalizeSkillName('  Apache   Kafka ')).toBe('Apache Kafka');
    expect(normalizeSkillName('Ｃ＋＋')).toBe('C++');
  });
});

describe('foldAccents', () => {
  it('removes diacritics only', () => {
    expect(foldAccents('Saint-Étienne, Réseaux')).toBe('Saint-Etienne, Reseaux');
  });
});

describe('isSearchableSkill', () => {
  it('refuses blank, punctuation-only and over-long names', () => {
    expect(isSearchableSkill('TypeScript')).toBe(true);
    expect(isSearchableSkill('   ')).toBe(false);
    expect(isSearchableSkill('...')).toBe(false);
    expect(isSearchableSkill('x'.repeat(SKILL_NAME_MAX_LENGTH))).toBe(true);
    expect(isSearchableSkill('x'.repeat(SKILL_NAME_MAX_LENGTH + 1))).toBe(false);
  });
});
