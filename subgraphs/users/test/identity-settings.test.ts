import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@talentgraph/platform';
import { loadConfig } from '../src/config.ts';
import { DEVELOPMENT_ENCRYPTION_KEY } from '../src/identity/settings.ts';

describe('identity settings', () => {
  it('work out of the box outside production, with the documented development key', () => {
    const config = loadConfig({});
    expect(config.AUTH_KEY_ENCRYPTION_KEY.toString('base64')).toBe(DEVELOPMENT_ENCRYPTION_KEY);
    expect(config.AUTH_KEY_ROTATION_DAYS).toBe(30);
    expect(config.SMTP_URL).toBe('');
    expect(config.REDIS_URL).toBe('');
  });

  it('refuses the development encryption key in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', AUTH_KEY_ENCRYPTION_KEY: DEVELOPMENT_ENCRYPTION_KEY }),
    ).toThrow(/AUTH_KEY_ENCRYPTION_KEY must be set in production/);
    const key = randomBytes(32).toString('base64');
    expect(
      loadConfig({ NODE_ENV: 'production', AUTH_KEY_ENCRYPTION_KEY: key }).AUTH_KEY_ENCRYPTION_KEY,
    ).toEqual(Buffer.from(key, 'base64'));
  });

  it('names every bad value', () => {
    try {
      loadConfig({ AUTH_KEY_ENCRYPTION_KEY: 'short', AUTH_KEY_ROTATION_DAYS: '0', SMTP_URL: 'http://mail' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        expect.stringMatching(
          /^AUTH_KEY_ENCRYPTION_KEY="short" is invalid: expected 32 random bytes in base64/,
        ),
        'AUTH_KEY_ROTATION_DAYS="0" is invalid: expected an integer from 1 to 365',
        'SMTP_URL="http://mail" is invalid: expected a URL starting with smtp:// or smtps://, or unset',
      ]);
    }
  });
});
