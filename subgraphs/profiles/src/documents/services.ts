import type { Configuration } from '@mikro-orm/core';
import type { EntityManager, SubgraphServices } from '@talentgraph/platform';
import { DocumentKeyRing } from './encryption.ts';
import { readDocumentConfig, type DocumentConfig } from './settings.ts';

/** What documents need beyond a request's context: their settings and the encryption keys. */
export interface DocumentServices {
  readonly config: DocumentConfig;
  readonly keyRing: DocumentKeyRing;
}

// Keyed by the ORM's configuration, which every EntityManager forked from that ORM shares (tests run
// several subgraphs in one process).
const running = new WeakMap<Configuration, DocumentServices>();

/** Reads the document settings (one line per bad value at start) and makes them reachable from any em. */
export function startDocumentServices(services: SubgraphServices): DocumentServices {
  const config = readDocumentConfig(process.env, services.config.NODE_ENV);
  const keys = config.DOCUMENT_ENCRYPTION_KEYS;
  const keyRing = new DocumentKeyRing(keys, config.DOCUMENT_ENCRYPTION_KEY_ID || [...keys.keys()][0]!);
  const documents: DocumentServices = { config, keyRing };
  running.set(services.orm.config, documents);
  return documents;
}

export function documentServicesOf(em: EntityManager): DocumentServices {
  const documents = running.get(em.config);
  if (!documents) throw new Error('The document services of this subgraph are not started');
  return documents;
}
