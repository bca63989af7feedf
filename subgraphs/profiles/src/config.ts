import { ConfigError, readConfig, subgraphSettings } from '@talentgraph/platform';
import { documentConfigProblems, documentSettings } from './documents/settings.ts';
import { recruiterSearchSettings } from './search/settings.ts';

export const settings = {
  ...subgraphSettings({ defaultPort: 4002, database: 'talentgraph_profiles' }),
  ...documentSettings,
  ...recruiterSearchSettings,
};

export const loadConfig = (env: Record<string, string | undefined> = process.env) => {
  const config = readConfig(settings, env);
  const problems = documentConfigProblems(config, config.NODE_ENV);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
};
