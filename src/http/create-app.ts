/**
 * The HTTP surface: /graphql (Apollo Server; the offline GraphQL IDE for browsers), the home page
 * and the graph explorer (src/web/), /health (liveness: 200 while the process serves, with the
 * store's state in the body), /ready (store answers, circuit closed, graph seeded) and the Neo4j
 * Browser guide. Every operation passes the limits before it touches the store and runs in read
 * transactions with the request's time budget; the store is wrapped in a GuardedStore (circuit
 * breaker, concurrency limit), and clients are rate limited.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import cors from 'cors';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { browserGuideRouter } from '../browser-guide/index.js';
import { createContext, MAX_ROWS, type GraphContext } from '../graphql/context.js';
import { buildSchema } from '../graphql/executable-schema.js';
import { formatError } from '../graphql/format-error.js';
import { FanOut } from '../graphql/limits/fan-out.js';
import { operationLimits } from '../graphql/limits/operation-limits.js';
import { processFaults } from '../process-guard.js';
import type { GraphStore } from '../store/graph-store.js';
import { GuardedStore, type StoreGuardOptions } from '../store/guarded-store.js';
import { webRouter } from '../web/index.js';
import { httpErrorHandler } from './error-handler.js';
import { createLogger } from './logger.js';
import { offlinePlugins } from './offline-plugins.js';
import { operationLogging } from './operation-logging.js';
import { RATE_LIMIT_DEFAULTS, rateLimiting, type RateLimitOptions } from './rate-limit.js';
import { requestLogging } from './request-logging.js';
import { requestScope } from './request-scope.js';
import { retryAfterStatus } from './retry-after.js';

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
  /** Concurrency limit, queue and circuit breaker around the store (defaults: STORE_GUARD_DEFAULTS). */
  storeGuard?: Partial<StoreGuardOptions>;
  /** Per-client rate limit (default: RATE_LIMIT_DEFAULTS). */
  rateLimit?: RateLimitOptions;
  /** How many proxies in front of the server to believe about the client's address (X-Forwarded-For). */
  trustProxy?: number;
  /** The most rows one answer may hold (default MAX_ROWS); past it the request gets QUERY_TOO_COMPLEX. */
  maxRows?: number;
}

export interface App {
  app: Express;
  apollo: ApolloServer<GraphContext>;
  /** The store as the API uses it: close this one (it stops the circuit's probe too). */
  store: GuardedStore;
}

export async function createApp({
  store,
  production,
  seeded,
  requestTimeoutMs = 10_000,
  logger = createLogger('silent'),
  cypherDir = 'cypher',
  corpusDir,
  storeGuard = {},
  rateLimit = RATE_LIMIT_DEFAULTS,
  trustProxy = 0,
  maxRows = MAX_ROWS,
}: AppOptions): Promise<App> {
  const limits = operationLimits(production, new FanOut(logger));
  const guarded = new GuardedStore(store, storeGuard, (change) =>
    change.state === 'open'
      ? logger.warn(
          { circuit: 'open', reason: change.reason },
          'store unreachable: circuit open, answering SERVICE_UNAVAILABLE at once; probing in the background',
        )
      : logger.info({ circuit: 'closed', openMs: change.openMs }, 'store reachable again: circuit closed'),
  );
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
      retryAfterStatus((code) => guarded.retryAfterSeconds(code)),
      { serverWillStart: async () => ({ serverWillStop: async () => guarded.stopProbing() }) },
      // No cache hints in this schema; the default cache-control plugin would still hook every field.
      ApolloServerPluginCacheControlDisabled(),
      ...offlinePlugins(),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // 0: the socket's address is the client's; n: believe n proxies' X-Forwarded-For.
  app.set('trust proxy', trustProxy > 0 ? trustProxy : false);
  app.use(requestLogging(logger));
  // Liveness: 200 while the process serves. The store's state is in the body, not the status: a
  // supervisor that restarts on a failed liveness check must not restart the API for Neo4j's sake.
  app.get('/health', async (_req, res) => {
    const health = await guarded.health();
    const { rss, heapUsed } = process.memoryUsage();
    const memory = { rssMb: Math.round(rss / 2 ** 20), heapUsedMb: Math.round(heapUsed / 2 ** 20) };
    res.json({
      status: health.ok ? 'ok' : 'degraded',
      ...health,
      ...guarded.state,
      memory,
      faults: processFaults,
    });
  });
  // Readiness: send traffic here? Not while the circuit is open (answered at once), the store does
  // not answer within 2 s, or the graph is not seeded (starting, shutting down).
  app.get('/ready', async (_req, res) => {
    const health = await guarded.health();
    const ready = health.ok && seeded();
    res.status(ready ? 200 : 503).json({
      ready,
      store: health.ok,
      seeded: seeded(),
      engine: store.engine,
      circuit: guarded.state.circuit,
    });
  });
  app.use(rateLimiting(rateLimit));
  // Before /graphql and the guide: a browser tab's GET /graphql gets the IDE and its GET
  // /browser-guide a readable guide; everything else goes on to Apollo and the guide's router.
  app.use(
    webRouter({ apollo, context: (req) => createContext(guarded, requestTimeoutMs, req.log, maxRows), cypherDir }),
  );
  app.use('/browser-guide', browserGuideRouter({ cypherDir }));
  app.use(
    '/graphql',
    cors<cors.CorsRequest>(),
    express.json({ limit: MAX_BODY }),
    requestScope,
    expressMiddleware(apollo, {
      context: ({ req }) => Promise.resolve(createContext(guarded, requestTimeoutMs, req.log, maxRows)),
    }),
  );
  app.use(httpErrorHandler);
  return { app, apollo, store: guarded };
}
