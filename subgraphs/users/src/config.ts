import { ConfigError, readConfig, subgraphSettings } from '@talentgraph/platform';
import { identitySettings, productionProblems } from './identity/settings.ts';
import { socialLoginSettings } from './social-login/config.ts';

export const settings = {
  ...subgraphSettings({ defaultPort: 4001, database: 'talentgraph_users' }),
  ...identitySettings,
};

export const loadConfig = (env: Record<string, string | undefined> = process.env) => {
  // Social login's variables depend on OIDC_PROVIDERS; reading them here reports their problems at start too.
  const config = readConfig({ ...socialLoginSettings(env), ...settings }, env);
  const problems = productionProblems(config, config.NODE_ENV);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
};
