import { describe, expect, it } from 'vitest';
import { organizedEventFate } from '../../src/personal-data/erasure-rules.ts';

describe('organizedEventFate', () => {
  it('deletes an event the person ran on their own', () => {
    expect(organizedEventFate({ organizationId: null })).toBe('DELETE');
  });

  it('keeps, without organizer, an event run on behalf of an organization', () => {
    expect(organizedEventFate({ organizationId: 'an-organization' })).toBe('KEEP_WITHOUT_ORGANIZER');
  });
});
