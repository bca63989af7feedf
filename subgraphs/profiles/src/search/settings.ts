import { integer, optionalUrl, pattern, readConfig, url, type ConfigOf } from '@talentgraph/platform';

/** Configuration of recruiter search and unlocks, validated at start with the rest (config.ts). */
export const recruiterSearchSettings = {
  ELASTICSEARCH_URL: optionalUrl(
    'Elasticsearch for recruiter search of profiles; unset: PostgreSQL full-text search',
    ['http:', 'https:'],
  ),
  ELASTICSEARCH_INDEX: pattern('name of the Elasticsearch index of profiles', {
    pattern: /^[a-z0-9][a-z0-9_-]{0,99}$/,
    expected: 'lower-case letters, digits, "_" or "-" (at most 100)',
    defaultValue: 'talentgraph-profiles',
  }),
  USERS_URL: url("the users subgraph, whose internal routes count organizations' quotas (profile unlocks)", {
    defaultValue: 'http://127.0.0.1:4001/graphql',
    protocols: ['http:', 'https:'],
  }),
  USERS_TIMEOUT_MS: integer('how long a profile unlock waits for the users subgraph to count its quota', {
    defaultValue: 5_000,
    min: 100,
    max: 60_000,
  }),
};

export type RecruiterSearchConfig = ConfigOf<typeof recruiterSearchSettings>;

export const readRecruiterSearchConfig = (env: Record<string, string | undefined> = process.env) =>
  readConfig(recruiterSearchSettings, env);
