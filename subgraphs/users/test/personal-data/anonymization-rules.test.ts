import { describe, expect, it } from 'vitest';
import { FORMER_MEMBER, paramsWithoutActor } from '../../src/personal-data/anonymization-rules.ts';
import { renderNotification } from '../../src/notifications/templates.ts';

describe('paramsWithoutActor', () => {
  it('names the commenter of a comment notification neutrally and drops their words', () => {
    const params = {
      postId: 'p1',
      commentId: 'c1',
      commenterName: 'Ada Lovelace',
      postTitle: 'Hiring in Lyon',
      excerpt: 'I would love to hear more',
    };
    const anonymized = paramsWithoutActor('NEW_COMMENT_ON_MY_POST', params, 'EN');
    expect(anonymized).toEqual({
      postId: 'p1',
      commentId: 'c1',
      commenterName: 'A former member',
      postTitle: 'Hiring in Lyon',
    });
    const rendered = renderNotification('NEW_COMMENT_ON_MY_POST', anonymized, 'EN');
    expect(rendered.title).toBe('A former member commented on your post');
    expect(rendered.body).toBe('A former member commented on “Hiring in Lyon”.');
    expect(JSON.stringify(rendered)).not.toMatch(/Ada|love to hear/);
  });

  it('writes in the recipient language', () => {
    const anonymized = paramsWithoutActor(
      'MENTION',
      { authorName: 'Omar', place: 'Data Engineers FR', excerpt: 'merci @Léa' },
      'FR',
    );
    expect(anonymized).toEqual({ authorName: FORMER_MEMBER.FR, place: 'Data Engineers FR' });
    expect(renderNotification('MENTION', anonymized, 'FR').title).toBe('Un ancien membre vous a mentionné');
  });

  it('replaces the inviter of an invitation, keeping the organization and the role', () => {
    expect(
      paramsWithoutActor(
        'ORGANIZATION_INVITATION',
        {
          organizationId: 'o1',
          organizationName: 'Acme Robotics',
          inviterName: 'Claire Dubois',
          role: 'ADMIN',
        },
        'EN',
      ),
    ).toEqual({
      organizationId: 'o1',
      organizationName: 'Acme Robotics',
      inviterName: 'A former member',
      role: 'ADMIN',
    });
  });

  it('leaves the types that quote nobody as they are', () => {
    const params = { decision: 'REJECTED', reason: 'Add your experiences.' };
    expect(paramsWithoutActor('PROFILE_DECISION', params, 'EN')).toBe(params);
    const match = { offerId: 'o1', offerTitle: 'Data engineer', organizationName: 'Acme', score: 82 };
    expect(paramsWithoutActor('MATCH_FOUND', match, 'FR')).toBe(match);
  });
});
