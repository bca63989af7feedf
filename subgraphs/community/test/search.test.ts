import { describe, expect, it } from 'vitest';
import { containsPattern } from '../src/domain/search.ts';

describe('containsPattern', () => {
  it('matches the text anywhere', () => {
    expect(containsPattern('data')).toBe('%data%');
  });

  it('takes LIKE wildcards and the escape character literally', () => {
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('snake_case')).toBe('%snake\\_case%');
    expect(containsPattern('C:\\dev')).toBe('%C:\\\\dev%');
    expect(containsPattern('%_\\')).toBe('%\\%\\_\\\\%');
  });

  it('leaves other punctuation and accents as they are', () => {
    expect(containsPattern("l'équipe [data] (Paris)*")).toBe("%l'équipe [data] (Paris)*%");
  });
});
