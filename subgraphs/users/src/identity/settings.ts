import {
  ConfigError,
  integer,
  optionalUrl,
  readConfig,
  text,
  trustedProxies,
  url,
  type ConfigOf,
  type NodeEnv,
  type Setting,
} from '@talentgraph/platform';
import { parseEncryptionKey } from '../encryption/secret-box.ts';

/**
 * The development default of AUTH_KEY_ENCRYPTION_KEY: public (it is written here), so anything sealed
 * with it is readable by anyone; fine for `npm start` and tests, refused when NODE_ENV=production.
 */
export const DEVELOPMENT_ENCRYPTION_KEY = 'dGFsZW50Z3JhcGgtaW5zZWN1cmUtZGV2LWtleS0zMmI=';

function encryptionKey(description: string): Setting<Buffer> {
  return {
    description,
    expected: '32 random bytes in base64 (for example the output of `openssl rand -base64 32`)',
    defaultValue: parseEncryptionKey(DEVELOPMENT_ENCRYPTION_KEY),
    parse: parseEncryptionKey,
  };
}

/** Settings of accounts, sessions, signing keys, e-mails and rate limits (the users subgraph only). */
export const identitySettings = {
  AUTH_KEY_ENCRYPTION_KEY: encryptionKey(
    'key that encrypts signing private keys, TOTP secrets and queued e-mails at rest (AES-256-GCM)',
  ),
  AUTH_KEY_ROTATION_DAYS: integer('age after which the token signing key is replaced by a new one', {
    defaultValue: 30,
    min: 1,
    max: 365,
  }),
  AUTH_REFRESH_TOKEN_DAYS: integer('how long a session lasts without being refreshed', {
    defaultValue: 30,
    min: 1,
    max: 365,
  }),
  PUBLIC_APP_URL: url('address of the web app, where links in e-mails point', {
    defaultValue: 'http://localhost:3000',
    protocols: ['http:', 'https:'],
  }),
  SMTP_URL: optionalUrl('SMTP server that sends e-mails; unset keeps them in the dev mailbox', [
    'smtp:',
    'smtps:',
  ]),
  EMAIL_FROM: text('sender of the e-mails', 'talentgraph <no-reply@talentgraph.local>'),
  EMAIL_DISPATCH_INTERVAL_MS: integer('how often queued e-mails are sent', {
    defaultValue: 2_000,
    min: 50,
    max: 600_000,
  }),
  TRUSTED_PROXIES: trustedProxies(['loopback']),
};

export type IdentityConfig = ConfigOf<typeof identitySettings>;

/** Settings that are valid one by one but unsafe together with NODE_ENV=production. */
export function productionProblems(config: IdentityConfig, nodeEnv: NodeEnv): string[] {
  if (nodeEnv !== 'production') return [];
  const problems: string[] = [];
  if (config.AUTH_KEY_ENCRYPTION_KEY.equals(parseEncryptionKey(DEVELOPMENT_ENCRYPTION_KEY)!)) {
    problems.push(
      'AUTH_KEY_ENCRYPTION_KEY must be set in production: the development default is public (expected 32 random bytes in base64)',
    );
  }
  return problems;
}

export function readIdentityConfig(
  env: Record<string, string | undefined>,
  nodeEnv: NodeEnv,
): IdentityConfig {
  const config = readConfig(identitySettings, env);
  const problems = productionProblems(config, nodeEnv);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
