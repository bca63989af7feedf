export interface GraphQLResponse<Data = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly data?: Data | null;
  readonly errors?: readonly {
    readonly message: string;
    readonly path?: readonly (string | number)[];
    readonly extensions?: Record<string, unknown>;
  }[];
}

/** POSTs one GraphQL operation over real HTTP, as a client application would. */
export function graphqlRequest<Data = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  return postGraphQL<Data>(url, { query, variables }, headers);
}

/** POSTs any GraphQL request body (a persisted operation's id in `extensions`, for one) over real HTTP. */
export async function postGraphQL<Data = Record<string, unknown>>(
  url: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as Omit<GraphQLResponse<Data>, 'status' | 'headers'>;
  return { status: response.status, headers: response.headers, ...answer };
}
