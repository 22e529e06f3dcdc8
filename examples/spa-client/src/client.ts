// The transport an SPA needs, typed by the generated documents: a POST of the operation's
// text and variables, the token when there is one, the answer's `data` typed as the
// operation's result. GraphQL errors (not userErrors, which are data) become an ApiError.
import type { TypedDocumentString } from './gql/graphql';

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

export class ApiError extends Error {
  constructor(readonly errors: GraphQLError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export class Client {
  constructor(
    private readonly endpoint = '/graphql',
    private token?: string,
  ) {}

  signIn(token: string): void {
    this.token = token;
  }

  async execute<Result, Variables>(
    document: TypedDocumentString<Result, Variables>,
    // Operations without variables take none; the others require theirs, typed.
    ...[variables]: Variables extends Record<string, never> ? [] : [Variables]
  ): Promise<Result> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'apollographql-client-name': 'clinic-spa-example',
    };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document.toString(), variables }),
    });
    const body = (await response.json()) as { data?: Result | null; errors?: GraphQLError[] };
    if (body.errors?.length || body.data == null) {
      throw new ApiError(body.errors ?? [{ message: `HTTP ${response.status}` }]);
    }
    return body.data;
  }
}
