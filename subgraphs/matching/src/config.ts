import { readConfig, subgraphSettings } from '@talentgraph/platform';

export const settings = subgraphSettings({ defaultPort: 4004, database: 'talentgraph_matching' });

export const loadConfig = (env: Record<string, string | undefined> = process.env) =>
  readConfig(settings, env);
