/** The six subgraphs, in start order, with their default ports and database names. */
export const SUBGRAPHS = [
  { name: 'users', port: 4001 },
  { name: 'profiles', port: 4002 },
  { name: 'offers', port: 4003 },
  { name: 'matching', port: 4004 },
  { name: 'community', port: 4005 },
  { name: 'events', port: 4006 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const DEFAULT_DATABASE_PREFIX = 'talentgraph_';

/** Each subgraph's own database: `talentgraph_users`, `talentgraph_offers`, … */
export function databaseNameOf(subgraph: SubgraphName, prefix = DEFAULT_DATABASE_PREFIX): string {
  return `${prefix}${subgraph}`;
}

export function isSubgraphName(value: string): value is SubgraphName {
  return SUBGRAPHS.some((subgraph) => subgraph.name === value);
}
