/** The explorer's only data source: POST /graphql, the public API. */

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export function graphqlClient(endpoint: string) {
  return async function gql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    let body: GraphQLBody<T>;
    try {
      body = (await response.json()) as GraphQLBody<T>;
    } catch {
      throw new ApiError(`the server answered HTTP ${response.status} without JSON`);
    }
    if (body.errors?.length) {
      throw new ApiError(body.errors.map((e) => e.message).join('; '), body.errors[0]!.extensions?.code);
    }
    if (!response.ok || !body.data) throw new ApiError(`the server answered HTTP ${response.status}`);
    return body.data;
  };
}

export type Gql = ReturnType<typeof graphqlClient>;
