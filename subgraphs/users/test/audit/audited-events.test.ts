import { describe, expect, it } from 'vitest';
import { InvalidAuditEntryError, isAuditAction, isTargetType } from '../../src/audit/audit-rules.ts';
import { AUDITED_EVENTS, auditMappingOf, type AuditedEventType } from '../../src/audit/audited-events.ts';

const community = 'c0000000-0000-4000-8000-000000000001';
const member = 'a0000000-0000-4000-8000-000000000002';
const moderator = 'b0000000-0000-4000-8000-000000000003';
const post = 'd0000000-0000-4000-8000-000000000004';
const profile = 'e0000000-0000-4000-8000-000000000005';
const organization = 'f0000000-0000-4000-8000-000000000006';

function refusedField(event: Parameters<typeof auditMappingOf>[0], table?: Record<string, AuditedEventType>) {
  try {
    auditMappingOf(event, table);
    return null;
  } catch (error) {
    if (!(error instanceof InvalidAuditEntryError)) throw error;
    return error.field;
  }
}

describe('the audited events table', () => {
  it('names valid actions and target types, and lists the versions it reads', () => {
    for (const [type, row] of Object.entries(AUDITED_EVENTS)) {
      expect(isAuditAction(row.action), type).toBe(true);
      expect(isTargetType(row.target.type), type).toBe(true);
      expect(row.versions.length, type).toBeGreaterThan(0);
    }
  });

  it('records a moderator removing a member, with the community as target, not someone removing themselves', () => {
    const removal = { communityId: community, userId: member, role: 'MEMBER', removedBy: moderator };
    expect(auditMappingOf({ type: 'community.MemberRemoved', payload: removal })).toEqual({
      action: 'moderation.member_removed',
      target: { type: 'Community', id: community },
      details: { userId: member, role: 'MEMBER' },
    });
    expect(
      auditMappingOf({ type: 'community.MemberRemoved', payload: { ...removal, removedBy: member } }),
    ).toBeNull();
  });

  it('records a post deleted by someone else than its author, not by its author', () => {
    const deletion = { postId: post, communityId: community, authorId: member, deletedBy: moderator };
    expect(auditMappingOf({ type: 'community.PostDeleted', payload: deletion })).toEqual({
      action: 'moderation.post_deleted',
      target: { type: 'Post', id: post },
      details: { communityId: community, authorId: member },
    });
    expect(
      auditMappingOf({ type: 'community.PostDeleted', payload: { ...deletion, deletedBy: member } }),
    ).toBeNull();
  });

  it('records a recruiter’s profile view with the owner and the viewer’s organizations', () => {
    expect(
      auditMappingOf({
        type: 'profiles.ProfileViewed',
        payload: { profileId: profile, ownerId: member, viewerOrganizationIds: [organization] },
      }),
    ).toEqual({
      action: 'profile.viewed_by_recruiter',
      target: { type: 'Profile', id: profile },
      details: { ownerId: member, viewerOrganizationIds: [organization] },
    });
  });

  it('records a recruiter’s unlock of a profile with its owner and the organization that paid, nothing else', () => {
    expect(
      auditMappingOf({
        type: 'profiles.ProfileUnlocked',
        payload: {
          profileId: profile,
          organizationId: organization,
          ownerId: member,
          viewerOrganizationIds: [organization],
        },
      }),
    ).toEqual({
      action: 'profile.unlocked_by_recruiter',
      target: { type: 'Profile', id: profile },
      details: { ownerId: member, organizationId: organization },
    });
    expect(
      refusedField({ type: 'profiles.ProfileUnlocked', payload: { profileId: profile, ownerId: member } }),
    ).toBe('payload.organizationId');
  });

  it('records a moderator’s decision on a profile, with the owner, the review and the reasons, not the grid', () => {
    const review = 'a1000000-0000-4000-8000-000000000007';
    const decision = {
      profileId: profile,
      userId: member,
      reviewId: review,
      reviewerId: moderator,
      reasons: ['INCOMPLETE_PROFILE', 'OTHER'],
      comment: 'Add your internship at Acme',
      profile: { headline: 'Engineer in Lyon' },
    };
    expect(auditMappingOf({ type: 'profiles.ProfileRejected', payload: decision })).toEqual({
      action: 'moderation.profile_rejected',
      target: { type: 'Profile', id: profile },
      details: { userId: member, reviewId: review, reasons: ['INCOMPLETE_PROFILE', 'OTHER'] },
    });
    expect(
      auditMappingOf({ type: 'profiles.ProfileValidated', payload: { ...decision, reasons: [] } }),
    ).toEqual({
      action: 'moderation.profile_validated',
      target: { type: 'Profile', id: profile },
      details: { userId: member, reviewId: review },
    });
  });

  it('records every download of a CV, with the profile, its owner and who downloaded it', () => {
    const document = 'a2000000-0000-4000-8000-000000000008';
    expect(
      auditMappingOf({
        type: 'profiles.DocumentDownloaded',
        payload: { documentId: document, profileId: profile, ownerId: member, downloadedBy: moderator },
      }),
    ).toEqual({
      action: 'document.downloaded',
      target: { type: 'Document', id: document },
      details: { profileId: profile, ownerId: member, downloadedBy: moderator },
    });
  });

  it('ignores event types it does not list', () => {
    expect(auditMappingOf({ type: 'community.PostAdded', payload: { postId: post } })).toBeNull();
    expect(auditMappingOf({ type: 'community.toString', payload: {} })).toBeNull();
  });

  it('keeps only the fields a row names, never the rest of the payload', () => {
    const mapping = auditMappingOf({
      type: 'profiles.ProfileViewed',
      payload: {
        profileId: profile,
        ownerId: member,
        viewerOrganizationIds: [],
        ownerName: 'Ada Lovelace',
        ownerEmail: 'ada@example.com',
        headline: 'Engineer in Lyon',
      },
    });
    expect(mapping!.details).toEqual({ ownerId: member, viewerOrganizationIds: [] });
    expect(JSON.stringify(mapping)).not.toMatch(/Ada|example\.com|Lyon/);
  });

  it('refuses a named field that is missing or holds more than an id or a code', () => {
    const viewed = (payload: Record<string, unknown>) => ({
      type: 'profiles.ProfileViewed',
      payload: { profileId: profile, ownerId: member, viewerOrganizationIds: [], ...payload },
    });
    expect(refusedField({ type: 'profiles.ProfileViewed', payload: { profileId: profile } })).toBe(
      'payload.ownerId',
    );
    expect(refusedField(viewed({ profileId: null }))).toBe('payload.profileId');
    expect(refusedField(viewed({ ownerId: 'ada@example.com' }))).toBe('payload.ownerId');
    expect(refusedField(viewed({ ownerId: 'Ada Lovelace' }))).toBe('payload.ownerId');
    expect(refusedField(viewed({ ownerId: { name: 'Ada' } }))).toBe('payload.ownerId');
    expect(refusedField(viewed({ viewerOrganizationIds: ['Acme Robotics, Lyon'] }))).toBe(
      'payload.viewerOrganizationIds',
    );
    expect(refusedField(viewed({ ownerId: Number.NaN }))).toBe('payload.ownerId');
  });

  it('keeps codes, numbers, booleans and null as they are', () => {
    const table: Record<string, AuditedEventType> = {
      'offers.ThingDone': {
        versions: [1],
        action: 'offer.thing_done',
        target: { type: 'Offer', idField: 'offerId' },
        details: ['status', 'count', 'urgent', 'reason'],
      },
    };
    expect(
      auditMappingOf(
        {
          type: 'offers.ThingDone',
          payload: { offerId: post, status: 'CLOSED', count: 3, urgent: false, reason: null },
        },
        table,
      ),
    ).toEqual({
      action: 'offer.thing_done',
      target: { type: 'Offer', id: post },
      details: { status: 'CLOSED', count: 3, urgent: false, reason: null },
    });
  });
});
