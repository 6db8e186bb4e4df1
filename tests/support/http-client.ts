/** Serves the real app on a loopback port and posts GraphQL to it over HTTP. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp, type AppOptions } from '../../src/http/create-app.js';
import { createHttpServer, type HttpTimeouts } from '../../src/http/http-server.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import type { GuardedStore } from '../../src/store/guarded-store.js';
import type { ApolloServer } from '@apollo/server';
import type { GraphContext } from '../../src/graphql/context.js';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; [k: string]: unknown } }>;
}

export interface TestServer {
  url: string;
  apollo: ApolloServer<GraphContext>;
  /** The store as the app uses it (circuit, concurrency limit). */
  guarded: GuardedStore;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  post(body: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** Options of the app beyond the store, and of the HTTP server. */
export type ServeOptions = Partial<Omit<AppOptions, 'store'>> & { http?: HttpTimeouts };

export async function serve(store: GraphStore, production = false, options: ServeOptions = {}): Promise<TestServer> {
  const { app, apollo, store: guarded } = await createApp({ production, seeded: () => true, ...options, store });
  const server: Server = createHttpServer(app, options.http);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${url}/graphql`, { method: 'POST', headers, body });
  return {
    url,
    apollo,
    guarded,
    post,
    async gql(query, variables) {
      const res = await post(JSON.stringify({ query, variables }));
      return (await res.json()) as GraphQLResponse;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
    },
  };
}
