/**
 * The API as a process, around an open store: the app (create-app.ts) on an HTTP server with
 * deliberate time limits, the process guard, and graceful shutdown: on SIGTERM/SIGINT drain and
 * exit 0; on an uncaught exception (process-guard.ts) drain briefly and exit 1, for the
 * supervisor to restart it. `npm start` (main.ts) runs it; the fault tests run it around a store
 * with injected faults.
 */
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { createApp } from './http/create-app.js';
import { createHttpServer } from './http/http-server.js';
import { installProcessGuard } from './process-guard.js';
import type { GraphStore } from './store/graph-store.js';

export interface ServerOptions {
  config: Config;
  store: GraphStore;
  logger: Logger;
}

/**
 * Serves a store that holds the graph (the embedded one seeded, Neo4j loaded by `npm run seed`).
 * Installs the process guard first: until the server exists, a fatal error exits at once.
 * Returns once the server listens.
 */
export async function runServer({ config, store, logger }: ServerOptions): Promise<void> {
  let onFatal: () => void = () => logger.flush(() => process.exit(1));
  installProcessGuard({ logger, onFatal: () => onFatal() });
  let stopping = false;
  const {
    app,
    apollo,
    store: guarded,
  } = await createApp({
    store,
    production: config.production,
    // /ready turns 503 once shutting down, so a load balancer stops sending traffic.
    seeded: () => !stopping,
    requestTimeoutMs: config.store.timeoutMs,
    logger,
    cypherDir: config.cypherDir,
    corpusDir: config.corpusDir,
    storeGuard: config.storeGuard,
    rateLimit: config.rateLimit,
    trustProxy: config.trustProxy,
  });
  const server = createHttpServer(app, config.http);
  await new Promise<void>((resolve) => {
    server.on('error', (error) => {
      console.error(`cannot listen on ${config.host}:${config.port}: ${error.message}`);
      process.exit(1);
    });
    server.listen(config.port, config.host, () => {
      console.log(
        `GraphQL ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/graphql`,
      );
      resolve();
    });
  });

  const shutdown = (reason: string, exitCode: number, graceMs: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down: draining in-flight requests');
    // Stop accepting; idle keep-alive connections close now, busy ones after their response.
    const stop = async () => {
      await apollo.stop();
      await guarded.close();
      logger.info('stopped');
      logger.flush(() => process.exit(exitCode));
    };
    server.close(() => void stop());
    // Connections that were busy become idle (keep-alive) after their response: close them as
    // they do, rather than waiting for the client or the keep-alive time.
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 100).unref();
    setTimeout(() => {
      logger.error(`in-flight requests did not finish within ${graceMs / 1000} s; exiting`);
      logger.flush(() => process.exit(1));
    }, graceMs).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM', 0, 10_000));
  process.on('SIGINT', () => shutdown('SIGINT', 0, 10_000));
  // Shorter grace: the process may be in a bad state, and its supervisor restarts it.
  onFatal = () => shutdown('uncaught exception', 1, 5_000);
}
