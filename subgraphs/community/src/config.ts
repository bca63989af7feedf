import { readConfig, subgraphSettings } from '@talentgraph/platform';

export const settings = subgraphSettings({ defaultPort: 4005, database: 'talentgraph_community' });

export const loadConfig = (env: Record<string, string | undefined> = process.env) =>
  readConfig(settings, env);
