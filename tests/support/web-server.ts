/**
 * The real app on a loopback port with any AppOptions (the corpus for Evidence.sentence, a
 * production flag …), for the page and browser tests.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import type { GraphContext } from '../../src/graphql/context.js';
import { createApp, type AppOptions } from '../../src/http/create-app.js';

export interface AppServer {
  url: string;
  apollo: ApolloServer<GraphContext>;
  close(): Promise<void>;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
}

export async function serveApp(options: Omit<AppOptions, 'seeded'> & { seeded?: () => boolean }): Promise<AppServer> {
  const { app, apollo } = await createApp({ seeded: () => true, ...options });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apollo,
    async gql(query, variables) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return res.json();
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
    },
  };
}
