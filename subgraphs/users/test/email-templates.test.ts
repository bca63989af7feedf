import { describe, expect, it } from 'vitest';
import { EMAIL_TEMPLATES } from '../src/email/templates/index.ts';
import { escapeHtml, renderEmail } from '../src/email/templates/layout.ts';
import { accountTokenExpiry, accountTokenState } from '../src/email/account-token-rules.ts';
import { MAX_DELIVERY_ATTEMPTS, nextAttemptAt } from '../src/email/delivery.ts';

describe('e-mail templates', () => {
  it('exist in English and French for every template', () => {
    for (const template of Object.values(EMAIL_TEMPLATES)) {
      expect(Object.keys(template).sort()).toEqual(['EN', 'FR']);
    }
  });

  it('render the same content as text and as escaped HTML', () => {
    const rendered = renderEmail(
      'FR',
      EMAIL_TEMPLATES.PASSWORD_RESET.FR({
        displayName: 'Zoé "<b>"',
        link: 'https://app.example/reset-password?token=abc&x=1',
        expiresInMinutes: 60,
      }),
    );
    expect(rendered.subject).toBe('Réinitialisez votre mot de passe');
    expect(rendered.text).toContain('Bonjour Zoé "<b>",');
    expect(rendered.text).toContain(
      'Choisir un nouveau mot de passe: https://app.example/reset-password?token=abc&x=1',
    );
    expect(rendered.text).toContain('pendant 60 minutes');
    expect(rendered.html).toContain('Bonjour Zoé &quot;&lt;b&gt;&quot;,');
    expect(rendered.html).toContain('href="https://app.example/reset-password?token=abc&amp;x=1"');
    expect(rendered.html).toContain('<html lang="fr">');
    expect(rendered.text.endsWith('L’équipe talentgraph')).toBe(true);
  });

  it('escape every HTML special character', () => {
    expect(escapeHtml(`<a href='x'>&"`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&quot;');
  });
});

describe('single-use links', () => {
  const now = new Date('2026-11-23T12:00:00Z');

  it('last 24 hours for verification and 1 hour for a reset', () => {
    expect(accountTokenExpiry('EMAIL_VERIFICATION', now)).toEqual(new Date('2026-11-24T12:00:00Z'));
    expect(accountTokenExpiry('PASSWORD_RESET', now)).toEqual(new Date('2026-11-23T13:00:00Z'));
  });

  it('work once, before expiry, for the address they were sent to', () => {
    const token = { usedAt: null, expiresAt: new Date('2026-11-23T13:00:00Z'), email: 'a@example.com' };
    expect(accountTokenState(token, 'a@example.com', now)).toBe('USABLE');
    expect(accountTokenState({ ...token, usedAt: now }, 'a@example.com', now)).toBe('USED');
    expect(accountTokenState(token, 'a@example.com', new Date('2026-11-23T13:00:00Z'))).toBe('EXPIRED');
    expect(accountTokenState(token, 'b@example.com', now)).toBe('STALE');
  });
});

describe('delivery retries', () => {
  it('back off exponentially up to an hour', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const delays = [1, 2, 3, 8, 20].map(
      (attempts) => (nextAttemptAt(attempts, now).getTime() - now.getTime()) / 1000,
    );
    expect(delays).toEqual([30, 60, 120, 3600, 3600]);
    expect(MAX_DELIVERY_ATTEMPTS).toBeGreaterThan(1);
  });
});
