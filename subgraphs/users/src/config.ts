import { readConfig, subgraphSettings } from '@talentgraph/platform';

export const settings = subgraphSettings({ defaultPort: 4001, database: 'talentgraph_users' });

export const loadConfig = (env: Record<string, string | undefined> = process.env) =>
  readConfig(settings, env);
