/**
 * The HTTP surface: /graphql (Apollo Server, landing page on GET), /health (liveness plus the
 * engine and whether the store answers) and /ready (store answers and holds the seed).
 */
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import cors from 'cors';
import express, { type Express } from 'express';
import { createContext, type GraphContext } from '../graphql/context.js';
import { buildSchema } from '../graphql/executable-schema.js';
import { StoreUnavailableError, type GraphStore } from '../store/graph-store.js';
import { GraphQLError } from 'graphql';

export interface AppOptions {
  store: GraphStore;
  production: boolean;
  /** Whether the store holds the seeded graph (checked once at start-up). */
  seeded: () => boolean;
}

export interface App {
  app: Express;
  apollo: ApolloServer<GraphContext>;
}

export async function createApp({ store, production, seeded }: AppOptions): Promise<App> {
  const apollo = new ApolloServer<GraphContext>({
    schema: buildSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: !production,
    plugins: [production ? ApolloServerPluginLandingPageProductionDefault({ footer: false }) : ApolloServerPluginLandingPageLocalDefault({ footer: false })],
    formatError: (formatted, error) => {
      const original = (error as GraphQLError).originalError;
      if (original instanceof StoreUnavailableError) {
        return { message: 'The graph store is unavailable; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } };
      }
      return formatted;
    },
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    const health = await store.health();
    res.status(health.ok ? 200 : 503).json({ status: health.ok ? 'ok' : 'unavailable', ...health });
  });
  app.get('/ready', async (_req, res) => {
    const health = await store.health();
    const ready = health.ok && seeded();
    res.status(ready ? 200 : 503).json({ ready, store: health.ok, seeded: seeded(), engine: store.engine });
  });
  app.use(
    '/graphql',
    cors<cors.CorsRequest>(),
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, { context: async () => createContext(store) }),
  );
  return { app, apollo };
}
