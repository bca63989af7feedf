import { describe, expect, it } from 'vitest';
import type { Viewer } from '@talentgraph/auth';
import { testUser } from '@talentgraph/testing';
import { searchingOrganization } from '../../src/unlocks/unlock-rules.ts';

const ACME = 'a0000000-0000-4000-8000-000000000001';
const NORDLYS = 'b0000000-0000-4000-8000-000000000002';
const OWNER = 'c0000000-0000-4000-8000-000000000003';

const recruiter = (...organizationIds: string[]) =>
  testUser('d0000000-0000-4000-8000-000000000004', {
    roles: ['RECRUITER'],
    memberships: organizationIds.map((organizationId) => ({ organizationId, role: 'RECRUITER' as const })),
  });
const partner: Viewer = { kind: 'PARTNER', apiKeyId: 'key', organizationId: ACME, roles: ['PARTNER'] };

describe('who searches and unlocks, for which organization', () => {
  it('a recruiter, for their only organization or the one they name among theirs', () => {
    expect(searchingOrganization(recruiter(ACME), null)).toMatchObject({ ok: true, organizationId: ACME });
    expect(searchingOrganization(recruiter(ACME, NORDLYS), NORDLYS)).toMatchObject({
      ok: true,
      organizationId: NORDLYS,
    });
  });

  it.each<[string, Viewer | null, string | null, string]>([
    ['nobody signed in', null, null, 'UNAUTHENTICATED'],
    ['a partner key', partner, null, 'FORBIDDEN'],
    [
      'a person without the RECRUITER role',
      testUser(OWNER, { memberships: [{ organizationId: ACME, role: 'OWNER' }] }),
      null,
      'FORBIDDEN',
    ],
    ['a recruiter of no organization', recruiter(), null, 'FORBIDDEN'],
    ['a recruiter of several who names none', recruiter(ACME, NORDLYS), null, 'ORGANIZATION_REQUIRED'],
    ['a recruiter naming an organization not theirs', recruiter(ACME), NORDLYS, 'NOT_A_MEMBER'],
  ])('not %s', (_who, viewer, requested, code) => {
    expect(searchingOrganization(viewer, requested)).toMatchObject({ ok: false, code });
  });
});
