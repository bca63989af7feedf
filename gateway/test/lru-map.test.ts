import { describe, expect, it } from 'vitest';
import { LruMap } from '../src/lru-map.ts';

describe('LruMap', () => {
  it('keeps at most its capacity, dropping the least recently used entry first', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(map.size).toBe(2);
    expect(map.get('b')).toBeUndefined();
    expect([map.get('a'), map.get('c')]).toEqual([1, 3]);
  });

  it('replaces a value in place and forgets a deleted key', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('a', 2);
    expect([map.get('a'), map.size]).toEqual([2, 1]);
    map.delete('a');
    expect([map.get('a'), map.size]).toEqual([undefined, 0]);
  });
});
