/**
 * npm start: validate the configuration, open the store (embedded Grafeo unless NEO4J_URI is
 * set), seed the embedded store from cypher/, serve GraphQL, and shut down gracefully.
 */
import type { Server } from 'node:http';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createApp } from './http/create-app.js';
import { createLogger } from './http/logger.js';
import { seedGraph } from './seeding/seed-graph.js';
import { openStore } from './store/open-store.js';

function describeEngine(config: Config): string {
  const s = config.store;
  if (s.engine === 'neo4j') return `engine=neo4j uri=${s.uri} database=${s.database}`;
  return `engine=grafeo (embedded, ${s.path ? `on disk at ${s.path}` : 'in memory'}; set NEO4J_URI to use Neo4j)`;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // The first line says which engine serves, in plain text, before any JSON log.
  console.log(`ChainAtlas starting: ${describeEngine(config)}`);
  const logger = createLogger(config.logLevel);
  const store = await openStore(config.store);
  let seeded = config.store.engine === 'neo4j';
  if (config.store.engine === 'grafeo') {
    const report = await seedGraph(store, config.cypherDir, (line) => logger.debug(line));
    if (report.mismatches.length)
      throw new Error(`seeded graph differs from cypher/manifest.json:\n${report.mismatches.join('\n')}`);
    const relationships = Object.values(report.counts.relationships).reduce((a, b) => a + b, 0);
    console.log(
      `seeded ${report.counts.nodes.Entity ?? 0} nodes and ${relationships} relationships from ${config.cypherDir}/ in ${report.ms.toFixed(0)} ms`,
    );
    seeded = true;
  }
  const { app, apollo } = await createApp({
    store,
    production: config.production,
    seeded: () => seeded,
    requestTimeoutMs: config.store.timeoutMs,
    logger,
    cypherDir: config.cypherDir,
    corpusDir: config.corpusDir,
  });
  const server: Server = app.listen(config.port, config.host, () => {
    console.log(
      `GraphQL ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/graphql`,
    );
  });
  server.on('error', (error) => {
    console.error(`cannot listen on ${config.host}:${config.port}: ${error.message}`);
    process.exit(1);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    seeded = false; // /ready turns 503 so a load balancer stops sending traffic
    logger.info({ signal }, 'shutting down: draining in-flight requests');
    // Stop accepting; idle keep-alive connections close now, busy ones after their response.
    server.close(async () => {
      await apollo.stop();
      await store.close();
      logger.info('stopped');
      logger.flush(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => {
      logger.error('in-flight requests did not finish within 10 s; exiting');
      process.exit(1);
    }, 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
