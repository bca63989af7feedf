import { readConfig, subgraphSettings } from '@talentgraph/platform';

export const settings = subgraphSettings({ defaultPort: 4006, database: 'talentgraph_events' });

export const loadConfig = (env: Record<string, string | undefined> = process.env) =>
  readConfig(settings, env);
