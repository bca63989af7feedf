import { readSocialLoginConfig } from './config.ts';
import { openIdProviders, type OpenIdProviders } from './providers.ts';

export interface SocialLoginSetup {
  readonly providers: OpenIdProviders;
  readonly providerNames: readonly string[];
  readonly redirectUris: readonly string[];
}

let setup: SocialLoginSetup | undefined;

/**
 * The providers and redirect URIs of this process, read from the environment at first use (the entry
 * point has already validated them at start, see config.ts); each provider's discovery document is then
 * fetched at its own first use and kept for the life of the process.
 */
export function socialLoginSetup(): SocialLoginSetup {
  if (setup === undefined) {
    const config = readSocialLoginConfig(process.env);
    setup = {
      providers: openIdProviders(config),
      providerNames: [...config.providers.keys()],
      redirectUris: config.redirectUris,
    };
  }
  return setup;
}
