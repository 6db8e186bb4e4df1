/**
 * The HTTP surface: /graphql (Apollo Server; the offline GraphQL IDE for browsers), the home page
 * and the graph explorer (src/web/), /health (liveness: the engine and whether the store answers),
 * /ready (store answers and holds the seed) and the Neo4j Browser guide. Every operation passes the limits before it touches the store and runs in read
 * transactions with the request's time budget.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import cors from 'cors';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { browserGuideRouter } from '../browser-guide/index.js';
import { createContext, type GraphContext } from '../graphql/context.js';
import { buildSchema } from '../graphql/executable-schema.js';
import { formatError } from '../graphql/format-error.js';
import { operationLimits } from '../graphql/limits/operation-limits.js';
import type { GraphStore } from '../store/graph-store.js';
import { webRouter } from '../web/index.js';
import { httpErrorHandler } from './error-handler.js';
import { createLogger } from './logger.js';
import { offlinePlugins } from './offline-plugins.js';
import { operationLogging } from './operation-logging.js';
import { requestLogging } from './request-logging.js';

export const MAX_BODY = '64kb';

export interface AppOptions {
  store: GraphStore;
  production: boolean;
  /** Whether the store holds the seeded graph. */
  seeded: () => boolean;
  /** Time budget of one GraphQL request, shared by all its store queries. */
  requestTimeoutMs?: number;
  logger?: Logger;
  /** Where the query library (queries/) and the Browser style live. */
  cypherDir?: string;
  /** The source documents, for Evidence.sentence (null without them). */
  corpusDir?: string;
}

export interface App {
  app: Express;
  apollo: ApolloServer<GraphContext>;
}

export async function createApp({
  store,
  production,
  seeded,
  requestTimeoutMs = 10_000,
  logger = createLogger('silent'),
  cypherDir = 'cypher',
  corpusDir,
}: AppOptions): Promise<App> {
  const limits = operationLimits(production);
  const apollo = new ApolloServer<GraphContext>({
    schema: buildSchema({ corpusDir, logger }),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: limits.allowBatchedHttpRequests,
    validationRules: limits.validationRules,
    formatError: formatError(logger, production),
    plugins: [
      // graphql-armor's plugin is typed against Apollo's CJS build; it is the same interface.
      ...(limits.plugins as unknown as ApolloServerPlugin<GraphContext>[]),
      operationLogging(),
      // No cache hints in this schema; the default cache-control plugin would still hook every field.
      ApolloServerPluginCacheControlDisabled(),
      ...offlinePlugins(),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogging(logger));
  app.get('/health', async (_req, res) => {
    const health = await store.health();
    const { rss, heapUsed } = process.memoryUsage();
    const memory = { rssMb: Math.round(rss / 2 ** 20), heapUsedMb: Math.round(heapUsed / 2 ** 20) };
    res.status(health.ok ? 200 : 503).json({ status: health.ok ? 'ok' : 'unavailable', ...health, memory });
  });
  app.get('/ready', async (_req, res) => {
    const health = await store.health();
    const ready = health.ok && seeded();
    res.status(ready ? 200 : 503).json({ ready, store: health.ok, seeded: seeded(), engine: store.engine });
  });
  // Before /graphql and the guide: a browser tab's GET /graphql gets the IDE and its GET
  // /browser-guide a readable guide; everything else goes on to Apollo and the guide's router.
  app.use(webRouter({ apollo, context: (req) => createContext(store, requestTimeoutMs, req.log), cypherDir }));
  app.use('/browser-guide', browserGuideRouter({ cypherDir }));
  app.use(
    '/graphql',
    cors<cors.CorsRequest>(),
    express.json({ limit: MAX_BODY }),
    expressMiddleware(apollo, { context: async ({ req }) => createContext(store, requestTimeoutMs, req.log) }),
  );
  app.use(httpErrorHandler);
  return { app, apollo };
}
