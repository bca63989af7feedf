import { describe, expect, it } from 'vitest';
import { isValidSlug, slugify } from '../src/domain/organization.ts';

describe('slugify', () => {
  it('folds accents and punctuation into single hyphens', () => {
    expect(slugify('Institut Numérique de Nantes')).toBe('institut-numerique-de-nantes');
    expect(slugify('  Acme -- Robotics & Co. ')).toBe('acme-robotics-co');
  });

  it('cuts long names on a word boundary within 80 characters', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(isValidSlug(slug)).toBe(true);
  });

  it('accepts only lowercase letters, digits and inner hyphens', () => {
    expect(isValidSlug('acme-robotics')).toBe(true);
    expect(isValidSlug('Acme')).toBe(false);
    expect(isValidSlug('-acme')).toBe(false);
    expect(isValidSlug('acme--robotics')).toBe(false);
    expect(isValidSlug('')).toBe(false);
  });
});
