import { list, readConfig, text, type ConfigSpec, type Setting } from '@talentgraph/platform';

/**
 * Social login configuration, from environment variables:
 *
 *   OIDC_PROVIDERS=google,linkedin               providers offered (none by default: the feature is off)
 *   OIDC_<NAME>_ISSUER=https://accounts.google.com   issuer identifier, discovered at first use
 *   OIDC_<NAME>_CLIENT_ID / OIDC_<NAME>_CLIENT_SECRET  the client registered at that provider
 *   OIDC_<NAME>_SCOPES=openid,email,profile      scopes asked for (must include openid and email)
 *   OIDC_REDIRECT_URIS=https://app.example/auth/callback   where providers may send the person back
 *
 * Any provider name works; google and linkedin only have their issuer as a default.
 */

/** Issuers of the providers the platform knows by name; any other provider names its issuer. */
export const WELL_KNOWN_ISSUERS: Readonly<Record<string, string>> = {
  google: 'https://accounts.google.com',
  linkedin: 'https://www.linkedin.com/oauth',
};

const DEFAULT_SCOPES = ['openid', 'email', 'profile'] as const;
const splitList = list('comma-separated values').parse;
const PROVIDER_NAME = /^[a-z][a-z0-9]{0,31}$/;

export interface OpenIdProviderSettings {
  /** Lower-case name clients pass as `provider`, e.g. `google`. */
  readonly name: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scopes: readonly string[];
}

export interface SocialLoginConfig {
  readonly providers: ReadonlyMap<string, OpenIdProviderSettings>;
  /** Allowed redirect URIs, normalized (`new URL(uri).href`); a request must name one exactly. */
  readonly redirectUris: readonly string[];
  /** Plain-HTTP issuers (a local provider in development and tests); never in production. */
  readonly allowInsecureIssuers: boolean;
}

function variablePrefix(provider: string): string {
  return `OIDC_${provider.toUpperCase()}`;
}

function isProduction(env: Record<string, string | undefined>): boolean {
  return env['NODE_ENV']?.trim() === 'production';
}

function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

function issuerSetting(provider: string, production: boolean): Setting<string> {
  return {
    description: `issuer identifier of the ${provider} OpenID provider`,
    expected: production
      ? 'an https:// URL without query or fragment'
      : 'an http:// or https:// URL without query or fragment',
    defaultValue: WELL_KNOWN_ISSUERS[provider],
    parse(raw) {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return undefined;
      }
      const protocols = production ? ['https:'] : ['https:', 'http:'];
      if (!protocols.includes(url.protocol) || url.search !== '' || url.hash !== '') return undefined;
      return raw;
    },
  };
}

function scopesSetting(provider: string): Setting<readonly string[]> {
  return {
    description: `scopes asked of the ${provider} OpenID provider`,
    expected: 'a comma-separated list of scopes including openid and email',
    defaultValue: DEFAULT_SCOPES,
    parse(raw) {
      const scopes = splitList(raw);
      return scopes?.includes('openid') && scopes.includes('email') ? scopes : undefined;
    },
  };
}

/**
 * A redirect URI must be absolute and carry no query or fragment (the authorization response adds its
 * own query). In production it must be https, a loopback http address or a native app's private-use
 * scheme (`com.example.app:/callback`, RFC 8252), never plain http to another host.
 */
export function isAcceptableRedirectUri(raw: string, production: boolean): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.search !== '' || url.hash !== '') return false;
  if (url.protocol === 'https:') return true;
  if (url.protocol === 'http:') return !production || isLoopback(url);
  return /^[a-z][a-z0-9+-]*\.[a-z0-9.+-]+:$/.test(url.protocol);
}

function redirectUrisSetting(required: boolean, production: boolean): Setting<readonly string[]> {
  return {
    description: 'redirect URIs the client applications may ask providers to send people back to',
    expected: `a comma-separated list of absolute URIs without query or fragment${
      production ? ' (https, loopback http or an app scheme such as com.example.app:/callback)' : ''
    }`,
    defaultValue: required ? undefined : [],
    parse(raw) {
      const uris = splitList(raw) ?? [];
      if (uris.length === 0 || !uris.every((uri) => isAcceptableRedirectUri(uri, production)))
        return undefined;
      return uris.map((uri) => new URL(uri).href);
    },
  };
}

function providersSetting(): Setting<readonly string[]> {
  return {
    description: 'OpenID providers offered for social login',
    expected:
      'a comma-separated list of provider names (lower-case letters and digits, e.g. google,linkedin)',
    defaultValue: [],
    parse(raw) {
      const names = (splitList(raw) ?? []).map((name) => name.toLowerCase());
      return names.every((name) => PROVIDER_NAME.test(name)) ? [...new Set(names)] : undefined;
    },
  };
}

/**
 * The variables social login reads; which ones depends on OIDC_PROVIDERS, so the spec is built from the
 * environment. Merge it into the subgraph's own spec so that every problem is reported at start at once.
 */
export function socialLoginSettings(env: Record<string, string | undefined> = process.env): ConfigSpec {
  const production = isProduction(env);
  const providers = providersSetting();
  const names = providers.parse(env['OIDC_PROVIDERS']?.trim() ?? '') ?? [];
  const spec: ConfigSpec = {
    OIDC_PROVIDERS: providers,
    OIDC_REDIRECT_URIS: redirectUrisSetting(names.length > 0, production),
  };
  for (const name of names) {
    const prefix = variablePrefix(name);
    spec[`${prefix}_ISSUER`] = issuerSetting(name, production);
    spec[`${prefix}_CLIENT_ID`] = text(`client id registered at the ${name} OpenID provider`);
    spec[`${prefix}_CLIENT_SECRET`] = text(`client secret registered at the ${name} OpenID provider`);
    spec[`${prefix}_SCOPES`] = scopesSetting(name);
  }
  return spec;
}

/** Reads and validates the social login configuration; throws one ConfigError listing every problem. */
export function readSocialLoginConfig(
  env: Record<string, string | undefined> = process.env,
): SocialLoginConfig {
  const values = readConfig(socialLoginSettings(env), env) as Record<string, unknown>;
  const names = values['OIDC_PROVIDERS'] as readonly string[];
  const providers = new Map<string, OpenIdProviderSettings>();
  for (const name of names) {
    const prefix = variablePrefix(name);
    providers.set(name, {
      name,
      issuer: values[`${prefix}_ISSUER`] as string,
      clientId: values[`${prefix}_CLIENT_ID`] as string,
      clientSecret: values[`${prefix}_CLIENT_SECRET`] as string,
      scopes: values[`${prefix}_SCOPES`] as readonly string[],
    });
  }
  return {
    providers,
    redirectUris: values['OIDC_REDIRECT_URIS'] as readonly string[],
    allowInsecureIssuers: !isProduction(env),
  };
}
