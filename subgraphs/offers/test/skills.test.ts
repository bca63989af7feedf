import { describe, expect, it } from 'vitest';
import { MAX_SKILL_LENGTH, isSearchableSkill, skillKey, skillKeysOf } from '../src/domain/skills.ts';

describe('skill keys', () => {
  it('compares skills without case or surrounding spaces', () => {
    expect(skillKey('  TypeScript ')).toBe('typescript');
    expect(skillKey('Node.js')).toBe('node.js');
  });

  it('merges required and nice-to-have skills into distinct keys', () => {
    expect(skillKeysOf(['TypeScript', 'React'], ['typescript', 'GraphQL', ' '])).toEqual([
      'typescript',
      'react',
      'graphql',
    ]);
    expect(skillKeysOf([], [])).toEqual([]);
  });

  it('searches only for a skill of sensible length', () => {
    expect(isSearchableSkill('Python')).toBe(true);
    expect(isSearchableSkill('x'.repeat(MAX_SKILL_LENGTH))).toBe(true);
    expect(isSearchableSkill('x'.repeat(MAX_SKILL_LENGTH + 1))).toBe(false);
    expect(isSearchableSkill('')).toBe(false);
    expect(isSearchableSkill('   ')).toBe(false);
  });
});
