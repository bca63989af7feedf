import { describe, expect, it } from 'vitest';
import { commentFates, postFates, type OwnComment } from '../../src/personal-data/erasure-rules.ts';

const comment = (id: string, parentId: string | null, repliedByOthers = false): OwnComment => ({
  id,
  parentId,
  repliedByOthers,
});

describe('commentFates', () => {
  it('deletes the comments nobody else answered', () => {
    expect(commentFates([comment('a', null), comment('b', 'someone-else')])).toEqual({
      deleted: ['a', 'b'],
      tombstoned: [],
    });
  });

  it('keeps as tombstones the comments someone else replied to', () => {
    expect(commentFates([comment('a', null, true), comment('b', null)])).toEqual({
      deleted: ['b'],
      tombstoned: ['a'],
    });
  });

  it('keeps the person’s comments above a kept one, so the reply still has its thread', () => {
    // a ← b (both the person's) ← a reply of someone else; c is a reply of the person to b, unanswered.
    expect(commentFates([comment('a', null), comment('b', 'a', true), comment('c', 'b')])).toEqual({
      deleted: ['c'],
      tombstoned: ['a', 'b'],
    });
  });

  it('stops at a parent written by someone else (not the person’s to erase or keep)', () => {
    expect(commentFates([comment('b', 'others-comment', true)])).toEqual({ deleted: [], tombstoned: ['b'] });
  });

  it('has nothing to decide without comments', () => {
    expect(commentFates([])).toEqual({ deleted: [], tombstoned: [] });
  });
});

describe('postFates', () => {
  it('deletes the posts without others’ comments and keeps the others as tombstones', () => {
    expect(
      postFates([
        { id: 'quiet', commentedByOthers: false },
        { id: 'discussed', commentedByOthers: true },
      ]),
    ).toEqual({ deleted: ['quiet'], tombstoned: ['discussed'] });
  });
});
