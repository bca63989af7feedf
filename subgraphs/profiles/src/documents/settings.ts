import {
  ConfigError,
  integer,
  readConfig,
  text,
  url,
  type ConfigOf,
  type NodeEnv,
  type Setting,
} from '@talentgraph/platform';
import { parseDocumentKeys } from './encryption.ts';

/**
 * The development defaults of the document keys: public (they are written here), so documents sealed
 * with them are readable by anyone; fine for `npm start` and tests, refused when NODE_ENV=production.
 */
export const DEVELOPMENT_DOCUMENT_KEYS = 'dev:dGFsZW50Z3JhcGgtZGV2LWRvY3VtZW50LWtleS0zMmI=';
export const DEVELOPMENT_LINK_SECRET = 'dGFsZW50Z3JhcGgtZGV2LWRvd25sb2FkLWxpbmtzLXNlY3JldA==';

const documentKeys: Setting<Map<string, Buffer>> = {
  description:
    'keys that encrypt CV documents at rest (AES-256-GCM), by key id; older keys stay to read older documents',
  expected:
    '`<key id>:<32 random bytes in base64>` entries separated by commas (for example `2027-01:$(openssl rand -base64 32)`)',
  defaultValue: parseDocumentKeys(DEVELOPMENT_DOCUMENT_KEYS),
  parse: parseDocumentKeys,
};

const linkSecret: Setting<Buffer> = {
  description: 'secret that signs the short-lived download links of documents (HMAC-SHA256)',
  expected: 'at least 32 random bytes in base64 (for example the output of `openssl rand -base64 32`)',
  defaultValue: Buffer.from(DEVELOPMENT_LINK_SECRET, 'base64'),
  parse: (raw) => {
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(raw)) return undefined;
    const secret = Buffer.from(raw.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return secret.length >= 32 ? secret : undefined;
  },
};

export const documentSettings = {
  DOCUMENT_ENCRYPTION_KEYS: documentKeys,
  DOCUMENT_ENCRYPTION_KEY_ID: text(
    'id of the key new documents are encrypted with; empty: the first key',
    '',
  ),
  DOCUMENT_LINK_SECRET: linkSecret,
  DOCUMENT_LINK_TTL_SECONDS: integer('how long a document download link works', {
    defaultValue: 300,
    min: 10,
    max: 3_600,
  }),
  DOCUMENT_UPLOAD_TTL_SECONDS: integer('how long a one-time upload URL works', {
    defaultValue: 600,
    min: 30,
    max: 3_600,
  }),
  PUBLIC_API_URL: url(
    'address where clients reach the API (the gateway); upload and download links start with it',
    {
      defaultValue: 'http://localhost:4000',
      protocols: ['http:', 'https:'],
    },
  ),
};

export type DocumentConfig = ConfigOf<typeof documentSettings>;

/** Settings valid one by one but inconsistent, or unsafe with NODE_ENV=production. */
export function documentConfigProblems(config: DocumentConfig, nodeEnv: NodeEnv): string[] {
  const problems: string[] = [];
  const keyId = config.DOCUMENT_ENCRYPTION_KEY_ID;
  if (keyId !== '' && !config.DOCUMENT_ENCRYPTION_KEYS.has(keyId)) {
    problems.push(
      `DOCUMENT_ENCRYPTION_KEY_ID=${JSON.stringify(keyId)} names no key of DOCUMENT_ENCRYPTION_KEYS`,
    );
  }
  if (nodeEnv === 'production') {
    if (config.DOCUMENT_ENCRYPTION_KEYS.has('dev')) {
      problems.push('DOCUMENT_ENCRYPTION_KEYS must be set in production: the development key is public');
    }
    if (config.DOCUMENT_LINK_SECRET.equals(Buffer.from(DEVELOPMENT_LINK_SECRET, 'base64'))) {
      problems.push('DOCUMENT_LINK_SECRET must be set in production: the development secret is public');
    }
  }
  return problems;
}

export function readDocumentConfig(
  env: Record<string, string | undefined>,
  nodeEnv: NodeEnv,
): DocumentConfig {
  const config = readConfig(documentSettings, env);
  const problems = documentConfigProblems(config, nodeEnv);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
