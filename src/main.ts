/**
 * npm start: validate the configuration, open the store (embedded Grafeo unless NEO4J_URI is
 * set), seed the embedded store from cypher/, then run the server (server.ts: limits, process
 * guard, graceful shutdown).
 */
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './http/logger.js';
import { seedGraph } from './seeding/seed-graph.js';
import { runServer } from './server.js';
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
  if (config.store.engine === 'grafeo') {
    const report = await seedGraph(store, config.cypherDir, (line) => logger.debug(line));
    if (report.mismatches.length)
      throw new Error(`seeded graph differs from cypher/manifest.json:\n${report.mismatches.join('\n')}`);
    const relationships = Object.values(report.counts.relationships).reduce((a, b) => a + b, 0);
    console.log(
      `seeded ${report.counts.nodes.Entity ?? 0} nodes and ${relationships} relationships from ${config.cypherDir}/ in ${report.ms.toFixed(0)} ms`,
    );
  }
  await runServer({ config, store, logger });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
