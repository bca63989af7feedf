/**
 * An organization owned by the users subgraph, known here only by its id: this subgraph stores the id
 * with each offer and lets the gateway fetch the organization's own fields from the users subgraph.
 */
export interface OrganizationReference {
  readonly id: string;
}
