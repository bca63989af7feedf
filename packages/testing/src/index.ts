export * from './database.ts';
export * from './graphql-client.ts';
export * from './subgraph.ts';
export * from './captured-logs.ts';
export * from './tokens.ts';
export * from './token-forgeries.ts';
export * from './mailbox.ts';
export * from './events.ts';
