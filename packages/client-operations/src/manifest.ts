/** Apollo's persisted-query manifest format (version 1), as `@apollo/persisted-query-lists` reads it. */
export interface PersistedQueryManifestForVerification {
  readonly format: 'apollo-persisted-query-manifest';
  readonly version: 1;
  readonly operations: readonly {
    readonly id: string;
    readonly name: string;
    readonly type: 'query' | 'mutation' | 'subscription';
    readonly body: string;
  }[];
}
