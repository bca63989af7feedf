import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { GatewayConfig } from './config.ts';
import { checkOperation, type OperationLimits, type OperationRules } from './limits.ts';

/** One entry of Apollo's persisted-query manifest (`apollo-persisted-query-manifest`, version 1). */
export interface ManifestOperation {
  readonly id: string;
  readonly name: string;
  readonly type: 'query' | 'mutation' | 'subscription';
  readonly body: string;
}

/** A manifest operation, parsed and validated once, at start. */
export interface PersistedOperation extends ManifestOperation {
  readonly document: DocumentNode;
  /** Published for partners (schema/operations/partners): the only operations a partner API key runs. */
  readonly forPartners: boolean;
}

export function limitsOf(config: GatewayConfig): OperationLimits {
  return {
    maxDepth: config.MAX_DEPTH,
    maxAliases: config.MAX_ALIASES,
    maxDirectives: config.MAX_DIRECTIVES,
    maxTokens: config.MAX_TOKENS,
    maxCost: config.MAX_COST,
  };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Reads a manifest file and checks its shape and that every id is the SHA-256 of its body. */
export function readManifest(path: string): readonly ManifestOperation[] {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
    format?: unknown;
    version?: unknown;
    operations?: unknown;
  };
  if (
    manifest.format !== 'apollo-persisted-query-manifest' ||
    manifest.version !== 1 ||
    !Array.isArray(manifest.operations)
  ) {
    throw new Error(`${path} is not an apollo-persisted-query-manifest of version 1`);
  }
  const operations = manifest.operations as ManifestOperation[];
  for (const operation of operations) {
    if (typeof operation.body !== 'string' || operation.id !== sha256(operation.body)) {
      throw new Error(`${path}: the id of operation ${operation.name} is not the SHA-256 of its body`);
    }
  }
  return operations;
}

/**
 * The ids of the manifest operations published for partners. Apollo's manifest format has no field
 * saying who an operation is for, so `npm run operations` writes them beside it, from the operations
 * kept in schema/operations/partners/.
 */
export function readPartnerOperationIds(path: string): ReadonlySet<string> {
  const list = JSON.parse(readFileSync(path, 'utf8')) as { operations?: unknown };
  if (!Array.isArray(list.operations) || !list.operations.every((id) => typeof id === 'string')) {
    throw new Error(`${path} is not a list of partner operation ids ({ "operations": ["<sha256>", …] })`);
  }
  return new Set(list.operations as string[]);
}

/**
 * The operations of the manifest by id, each parsed and validated against the served schema with the
 * limits once, when the gateway starts: an operation that is invalid or over a limit stops the start
 * (the same check as `npm run operations:check`, but with this deployment's limits), and so does a
 * partner operation id that the manifest does not hold (the two files were not generated together).
 */
export class PersistedOperations {
  readonly #byId: ReadonlyMap<string, PersistedOperation>;

  private constructor(byId: ReadonlyMap<string, PersistedOperation>) {
    this.#byId = byId;
  }

  static prepare(
    manifest: readonly ManifestOperation[],
    schema: GraphQLSchema,
    rules: OperationRules,
    partnerOperationIds: ReadonlySet<string>,
  ): PersistedOperations {
    const byId = new Map<string, PersistedOperation>();
    const problems: string[] = [];
    for (const operation of manifest) {
      const outcome = checkOperation(schema, operation.body, rules);
      const forPartners = partnerOperationIds.has(operation.id);
      if ('kind' in outcome) byId.set(operation.id, { ...operation, document: outcome, forPartners });
      else problems.push(...outcome.map((error) => `${operation.name}: ${error.message}`));
    }
    const inManifest = new Set(manifest.map((operation) => operation.id));
    for (const id of partnerOperationIds) {
      if (!inManifest.has(id)) problems.push(`partner operation ${id} is not in the manifest`);
    }
    if (problems.length > 0) {
      throw new Error(`The persisted-operation manifest does not pass this gateway: ${problems.join('; ')}`);
    }
    return new PersistedOperations(byId);
  }

  get(id: string): PersistedOperation | undefined {
    return this.#byId.get(id);
  }

  get size(): number {
    return this.#byId.size;
  }
}

/** How many documents derived at run time (subscription payload queries) are kept pinned. */
const MAX_DERIVED_DOCUMENTS = 1_000;

/**
 * Apollo Server's document store (parsed and validated documents by `<schema hash>:<query hash>`) that
 * answers manifest operations from the start-time parse, so they are never parsed or validated again and
 * no flood of other documents can evict them; other documents go to the ordinary LRU store.
 *
 * It also holds the payload queries the gateway derives from accepted subscriptions (live-operation.ts):
 * each is the subscriber's own selection, already checked against the limits when it subscribed, read
 * through a root field under the subscriber's response key (one alias more than the subscription), so
 * it must neither be refused for that alias nor be parsed and validated again at every event.
 */
export class PinnedDocumentStore implements KeyValueCache<DocumentNode> {
  readonly #pinned: () => PersistedOperations | null;
  readonly #derived = new Map<string, DocumentNode>();
  readonly #others: KeyValueCache<DocumentNode>;

  constructor(pinned: () => PersistedOperations | null, others: KeyValueCache<DocumentNode>) {
    this.#pinned = pinned;
    this.#others = others;
  }

  /** Pins a document the gateway itself derived from an operation that passed validation. */
  pinDerived(text: string): void {
    const hash = sha256(text);
    if (this.#derived.has(hash)) return;
    this.#derived.set(hash, parse(text));
    if (this.#derived.size > MAX_DERIVED_DOCUMENTS) this.#derived.delete(this.#derived.keys().next().value!);
  }

  async get(key: string): Promise<DocumentNode | undefined> {
    const hash = key.slice(key.lastIndexOf(':') + 1);
    return this.#pinned()?.get(hash)?.document ?? this.#derived.get(hash) ?? this.#others.get(key);
  }

  async set(key: string, value: DocumentNode, options?: KeyValueCacheSetOptions): Promise<void> {
    await this.#others.set(key, value, options);
  }

  async delete(key: string): Promise<boolean | void> {
    return this.#others.delete(key);
  }
}
