import type { Configuration } from '@mikro-orm/core';
import { dummyPasswordHash, type TokenAudience } from '@talentgraph/auth';
import type { EntityManager, Logger, MikroORM, SubgraphServices } from '@talentgraph/platform';
import {
  dispatchPendingEmails,
  devMailboxTransport,
  smtpTransport,
  type EmailTransport,
} from '../email/dispatcher.ts';
import { SecretBox } from '../encryption/secret-box.ts';
import { SigningKeyRing } from '../signing-keys/key-ring.ts';
import { ensureActiveSigningKey, publishedSigningKeys } from '../signing-keys/store.ts';
import { BackgroundTasks } from './background-tasks.ts';
import { RateLimits } from './rate-limits.ts';
import { readIdentityConfig, type IdentityConfig } from './settings.ts';

/** How often the signing keys are reloaded and the rotation deadline checked. */
const KEY_MAINTENANCE_INTERVAL_MS = 60_000;

/**
 * What accounts, sessions and signing keys need beyond a request's context, one set per running
 * subgraph (tests run several in one process, each on its own database).
 */
export interface IdentityServices {
  readonly orm: MikroORM;
  readonly config: IdentityConfig;
  readonly tokenAudience: TokenAudience;
  readonly production: boolean;
  readonly secretBox: SecretBox;
  readonly keyRing: SigningKeyRing;
  readonly tasks: BackgroundTasks;
  readonly rateLimits: RateLimits;
  readonly emailTransport: EmailTransport;
  readonly logger: Logger;
  /** Settles once the start-up work is done (a signing key is active); never rejects. */
  readonly ready: Promise<void>;
}

// Keyed by the ORM's configuration, which every EntityManager forked from that ORM shares.
const running = new WeakMap<Configuration, IdentityServices>();

/**
 * Starts the identity services of a subgraph whose HTTP app is being assembled: reads the identity
 * settings, makes sure a signing key is active (rotating it when due), schedules the periodic work,
 * and stops that work when the ORM closes.
 */
export function startIdentityServices(services: SubgraphServices): IdentityServices {
  const { orm, logger } = services;
  const config = readIdentityConfig(process.env, services.config.NODE_ENV);
  const secretBox = new SecretBox(config.AUTH_KEY_ENCRYPTION_KEY);
  const keyRing = new SigningKeyRing(async () =>
    (await publishedSigningKeys(orm.em, new Date())).map((key) => key.publicJwk),
  );
  const tasks = new BackgroundTasks(logger);
  const rateLimits = new RateLimits({
    redisUrl: services.config.REDIS_URL,
    namespace: new URL(services.config.DATABASE_URL).pathname.slice(1),
  });
  // Computed now rather than at the first sign-in with an unknown e-mail, whose answer would be slower.
  void dummyPasswordHash();
  const keysReady = tasks.every('signing-key maintenance', KEY_MAINTENANCE_INTERVAL_MS, async () => {
    const change = await ensureActiveSigningKey(orm.em, secretBox, {
      now: new Date(),
      rotationDays: config.AUTH_KEY_ROTATION_DAYS,
    });
    if (change.changed) {
      logger.info(
        { kid: change.active.kid, retiredKid: change.retired?.kid ?? null },
        'signing key activated',
      );
    }
    await keyRing.reload();
  });
  const emailTransport = config.SMTP_URL
    ? smtpTransport(config.SMTP_URL, config.EMAIL_FROM)
    : devMailboxTransport;
  tasks.every('e-mail dispatch', config.EMAIL_DISPATCH_INTERVAL_MS, async () => {
    await dispatchPendingEmails(orm.em, { transport: emailTransport, box: secretBox, logger });
  });
  const identity: IdentityServices = {
    orm,
    config,
    tokenAudience: { issuer: services.config.AUTH_ISSUER, audience: services.config.AUTH_AUDIENCE },
    production: services.config.NODE_ENV === 'production',
    secretBox,
    keyRing,
    tasks,
    rateLimits,
    emailTransport,
    logger,
    ready: keysReady,
  };
  running.set(orm.config, identity);

  // The platform closes the ORM last when the subgraph stops: the periodic work stops just before.
  const close = orm.close.bind(orm);
  orm.close = async (force?: boolean) => {
    await tasks.stop();
    await rateLimits.close();
    emailTransport.close();
    running.delete(orm.config);
    return close(force);
  };
  return identity;
}

function servicesOf(config: Configuration): IdentityServices {
  const identity = running.get(config);
  if (!identity) throw new Error('The identity services of this subgraph are not started');
  return identity;
}

/** The identity services of the subgraph `em` belongs to. */
export function identityOf(em: EntityManager): IdentityServices {
  return servicesOf(em.config);
}

export function identityOfOrm(orm: MikroORM): IdentityServices {
  return servicesOf(orm.config);
}
