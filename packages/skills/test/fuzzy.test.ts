import { describe, expect, it } from 'vitest';
import { TrigramIndex, allowedEdits, editDistance, prefixEditDistance } from '../src/fuzzy.ts';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions as one edit each', () => {
    expect(editDistance('docker', 'docker', 3)).toBe(0);
    expect(editDistance('dokcer', 'docker', 3)).toBe(1);
    expect(editDistance('kubernets', 'kubernetes', 3)).toBe(1);
    expect(editDistance('pyhton', 'python', 3)).toBe(1);
    expect(editDistance('reakt', 'react', 3)).toBe(1);
    expect(editDistance('kuberentes', 'kubernetes', 3)).toBe(1);
    expect(editDistance('kbuernetez', 'kubernetes', 3)).toBe(2);
    expect(editDistance('', 'abc', 3)).toBe(3);
  });

  it('stops at the bound', () => {
    expect(editDistance('go', 'git', 0)).toBe(1);
    expect(editDistance('javascript', 'typescript', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('prefixEditDistance', () => {
  it('measures a query against the closest prefix of a name', () => {
    expect(prefixEditDistance('javscr', 'javascript', 1)).toBe(1);
    expect(prefixEditDistance('kubern', 'kubernetes', 1)).toBe(0);
    expect(prefixEditDistance('xyzabc', 'javascript', 1)).toBe(2);
  });
});

describe('allowedEdits', () => {
  it('allows no typo below five characters, then more as names grow', () => {
    expect([1, 2, 3, 4].map(allowedEdits)).toEqual([0, 0, 0, 0]);
    expect([5, 7, 8, 12, 13, 30].map(allowedEdits)).toEqual([1, 1, 2, 2, 3, 3]);
  });
});

describe('TrigramIndex', () => {
  const keys = ['kubernetes', 'docker', 'javascript', 'typescript', 'terraform'];
  const index = new TrigramIndex(keys);

  it('returns the keys that may be within reach, whatever the edit', () => {
    expect(index.candidates('kubernets', 2, false).map((position) => keys[position])).toContain('kubernetes');
    expect(index.candidates('dokcer', 1, false).map((position) => keys[position])).toEqual(['docker']);
    expect(index.candidates('javscr', 1, true).map((position) => keys[position])).toContain('javascript');
  });

  it('leaves out keys of another length or without enough shared trigrams', () => {
    expect(index.candidates('docker', 1, false).map((position) => keys[position])).not.toContain(
      'kubernetes',
    );
    expect(index.candidates('terraformation', 1, false)).toEqual([]);
  });
});
