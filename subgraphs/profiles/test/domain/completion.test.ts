import { describe, expect, it } from 'vitest';
import { COMPLETION_ITEMS, completionOf, rulesFor } from '../../src/domain/completion.ts';
import { PROFILE_KINDS } from '../../src/domain/profile.ts';
import { emptyState, fullState } from './states.ts';

describe('the completion gauge', () => {
  it.each(PROFILE_KINDS)('weighs the items of a %s profile to 100 in all', (kind) => {
    expect(rulesFor(kind).reduce((sum, rule) => sum + rule.weight, 0)).toBe(100);
  });

  it('counts every item for some kind', () => {
    const counted = new Set(PROFILE_KINDS.flatMap((kind) => rulesFor(kind).map((rule) => rule.item)));
    expect([...counted].sort()).toEqual([...COMPLETION_ITEMS].sort());
  });

  it.each(PROFILE_KINDS)('is 0 for an empty %s profile and 100 for a full one', (kind) => {
    expect(completionOf(emptyState(kind)).percent).toBe(0);
    expect(completionOf(fullState(kind)).percent).toBe(100);
    expect(completionOf(fullState(kind)).items.every((entry) => entry.done)).toBe(true);
  });

  it('gives 5 points per skill up to three', () => {
    const full = fullState('CANDIDATE');
    const skills = (count: number) =>
      completionOf({ ...full, skills: full.skills.slice(0, count) }).items.find(
        (entry) => entry.item === 'SKILLS',
      );
    expect([0, 1, 2, 3].map((count) => skills(count)!.earned)).toEqual([0, 5, 10, 15]);
    expect(skills(2)!.done).toBe(false);
    expect(skills(3)!.done).toBe(true);
  });

  it('counts a summary from 50 characters', () => {
    const full = fullState('CANDIDATE');
    const summary = (text: string) =>
      completionOf({ ...full, summary: text }).items.find((entry) => entry.item === 'SUMMARY')!.earned;
    expect(summary('x'.repeat(49))).toBe(0);
    expect(summary('x'.repeat(50))).toBe(10);
  });

  it('weighs the documented items: a candidate without experience nor education reaches 75', () => {
    const full = fullState('CANDIDATE');
    const student = completionOf({ ...full, experiences: [], education: [] });
    expect(student.percent).toBe(75);
    expect(student.items.filter((entry) => !entry.done).map((entry) => entry.item)).toEqual([
      'EXPERIENCE',
      'EDUCATION',
    ]);
  });

  it('asks consultants for their rate and availability, mentors for expertise and years, not for contracts', () => {
    const itemsOf = (kind: (typeof PROFILE_KINDS)[number]) => rulesFor(kind).map((rule) => rule.item);
    expect(itemsOf('CONSULTANT')).toEqual(expect.arrayContaining(['DAILY_RATE', 'CONSULTANT_AVAILABILITY']));
    expect(itemsOf('MENTOR')).toEqual(expect.arrayContaining(['MENTOR_EXPERTISE', 'MENTORING_YEARS']));
    expect(itemsOf('MENTOR')).not.toContain('DESIRED_CONTRACT_TYPES');
    expect(itemsOf('CANDIDATE')).not.toContain('DAILY_RATE');
  });
});
