import { describe, expect, it } from 'vitest';
import { skillKeysOf } from '../src/domain/skills.ts';

describe('skillKeysOf', () => {
  it('merges required and nice-to-have skills into distinct comparison keys', () => {
    expect(skillKeysOf(['TypeScript', 'React'], ['typescript', 'GraphQL', ' ', 'Node.js', 'nodejs'])).toEqual(
      ['typescript', 'react', 'graphql', 'nodejs'],
    );
    expect(skillKeysOf([], [])).toEqual([]);
  });
});
