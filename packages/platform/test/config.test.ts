import { describe, expect, it } from 'vitest';
import { ConfigError, boolean, list, oneOf, port, readConfig, subgraphSettings, url } from '../src/config.ts';

describe('readConfig', () => {
  const spec = {
    PORT: port('HTTP port', 4001),
    NODE_ENV: oneOf('mode', ['development', 'production'] as const, 'development'),
    SEED: boolean('seed', false),
    ORIGINS: list('allowed origins', []),
    DATABASE_URL: url('database', { protocols: ['postgres:'] }),
  };

  it('applies defaults and parses values', () => {
    const config = readConfig(spec, {
      DATABASE_URL: 'postgres://db/app',
      SEED: 'yes',
      ORIGINS: 'https://a.example, https://b.example,',
    });
    expect(config).toEqual({
      PORT: 4001,
      NODE_ENV: 'development',
      SEED: true,
      ORIGINS: ['https://a.example', 'https://b.example'],
      DATABASE_URL: 'postgres://db/app',
    });
  });

  it('reports every bad value at once, one line each naming variable, value and expectation', () => {
    let error: unknown;
    try {
      readConfig(spec, { PORT: '99999', NODE_ENV: 'prod', SEED: 'maybe', DATABASE_URL: 'mysql://db' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT="99999" is invalid: expected an integer from 0 to 65535',
      'NODE_ENV="prod" is invalid: expected one of development, production',
      'SEED="maybe" is invalid: expected true or false',
      'DATABASE_URL="mysql://db" is invalid: expected a URL starting with postgres://',
    ]);
  });

  it('names a missing required variable', () => {
    expect(() => readConfig(spec, {})).toThrowError(/DATABASE_URL is required: database/);
  });

  it('rejects non-integers for integer settings', () => {
    expect(() => readConfig({ PORT: port('p', 1) }, { PORT: '40.5' })).toThrowError(/PORT="40.5"/);
  });

  it('gives every subgraph its own database by default', () => {
    const config = readConfig(subgraphSettings({ defaultPort: 4002, database: 'talentgraph_profiles' }), {});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/talentgraph_profiles');
    expect(config.PORT).toBe(4002);
    expect(config.MIGRATE_ON_START).toBe(true);
    expect(config.SEED_DEMO_DATA).toBe(false);
  });
});
