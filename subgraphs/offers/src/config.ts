import { readConfig, subgraphSettings } from '@talentgraph/platform';

export const settings = subgraphSettings({ defaultPort: 4003, database: 'talentgraph_offers' });

export const loadConfig = (env: Record<string, string | undefined> = process.env) =>
  readConfig(settings, env);
