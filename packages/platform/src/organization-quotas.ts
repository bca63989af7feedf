/**
 * The plans' quotas of organizations are counted by the users subgraph (subgraphs/users/src/quotas), which
 * owns plans and usage. Other services take units through its internal route, forwarding the access
 * token of the person (or partner key) on whose behalf they act, so that the users subgraph checks the
 * caller's membership itself: the gateway takes API_CALLS, the profiles subgraph PROFILE_UNLOCKS. One
 * consumption is atomic there: all the units, or none.
 */

export interface QuotaStanding {
  readonly used: number;
  readonly limit: number;
  readonly remaining: number;
  /** When a monthly quota starts again from zero (ISO-8601); null for a gauge. */
  readonly resetsAt: string | null;
}

export type QuotaConsumption =
  | ({ readonly outcome: 'CONSUMED' } & QuotaStanding)
  /** Not all the units were left: none was taken. */
  | ({ readonly outcome: 'QUOTA_EXCEEDED' } & QuotaStanding)
  /** The users subgraph refused the call (401, 403, 404, 400), with its code and message. */
  | {
      readonly outcome: 'REFUSED';
      readonly status: number;
      readonly code: string;
      readonly message: string;
    };

export interface QuotaConsumptionRequest {
  /** Any URL of the users subgraph (its GraphQL URL): the route is resolved from its origin. */
  readonly usersUrl: string;
  readonly organizationId: string;
  readonly metric: string;
  readonly amount: number;
  /** The caller's `Authorization` header, forwarded as it came. */
  readonly authorization: string;
  readonly timeoutMs: number;
}

/** The users subgraph did not answer in time, or failed: whether units were taken is not known. */
export class QuotaServiceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QuotaServiceError';
  }
}

const standingOf = (body: Record<string, unknown>): QuotaStanding => ({
  used: Number(body['used'] ?? 0),
  limit: Number(body['limit'] ?? 0),
  remaining: Number(body['remaining'] ?? 0),
  resetsAt: typeof body['resetsAt'] === 'string' ? body['resetsAt'] : null,
});

/** Takes `amount` units of `metric` from the organization's quota, or none (QUOTA_EXCEEDED, REFUSED). */
export async function consumeOrganizationQuota(request: QuotaConsumptionRequest): Promise<QuotaConsumption> {
  const route = new URL(
    `/internal/organizations/${encodeURIComponent(request.organizationId)}/quotas/${encodeURIComponent(request.metric)}/consume`,
    request.usersUrl,
  );
  let response: Response;
  let body: Record<string, unknown>;
  try {
    response = await fetch(route, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: request.authorization },
      body: JSON.stringify({ amount: request.amount }),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    body = (await response.json()) as Record<string, unknown>;
  } catch (error) {
    throw new QuotaServiceError(`The quota service at ${route.origin} did not answer: ${String(error)}`, {
      cause: error,
    });
  }
  if (response.status === 200) return { outcome: 'CONSUMED', ...standingOf(body) };
  if (response.status === 429) return { outcome: 'QUOTA_EXCEEDED', ...standingOf(body) };
  if (response.status >= 500) {
    throw new QuotaServiceError(`The quota service at ${route.origin} failed with status ${response.status}`);
  }
  const error = (body['error'] ?? {}) as { code?: unknown; message?: unknown };
  return {
    outcome: 'REFUSED',
    status: response.status,
    code: String(error.code ?? 'BAD_REQUEST'),
    message: String(error.message ?? `status ${response.status}`),
  };
}
