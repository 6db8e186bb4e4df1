/** Serves the real app on a loopback port and posts GraphQL to it over HTTP. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../src/http/create-app.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import type { ApolloServer } from '@apollo/server';
import type { GraphContext } from '../../src/graphql/context.js';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; [k: string]: unknown } }>;
}

export interface TestServer {
  url: string;
  apollo: ApolloServer<GraphContext>;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  post(body: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function serve(
  store: GraphStore,
  production = false,
  options: { requestTimeoutMs?: number } = {},
): Promise<TestServer> {
  const { app, apollo } = await createApp({ store, production, seeded: () => true, ...options });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${url}/graphql`, { method: 'POST', headers, body });
  return {
    url,
    apollo,
    post,
    async gql(query, variables) {
      const res = await post(JSON.stringify({ query, variables }));
      return (await res.json()) as GraphQLResponse;
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
    },
  };
}
