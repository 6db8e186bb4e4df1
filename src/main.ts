/**
 * npm start: validate the configuration, open the store (embedded Grafeo unless NEO4J_URI is
 * set), seed the embedded store from cypher/, and serve GraphQL.
 */
import type { Server } from 'node:http';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createApp } from './http/create-app.js';
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
  console.log(`ChainAtlas starting: ${describeEngine(config)}`);
  const store = openStore(config.store);
  let seeded = config.store.engine === 'neo4j';
  if (config.store.engine === 'grafeo') {
    const report = await seedGraph(store, config.cypherDir, (line) => console.log(line));
    if (report.mismatches.length) throw new Error(`seeded graph differs from cypher/manifest.json:\n${report.mismatches.join('\n')}`);
    const total = Object.values(report.counts.relationships).reduce((a, b) => a + b, 0);
    console.log(`seeded ${report.counts.nodes.Entity ?? 0} nodes and ${total} relationships in ${report.ms.toFixed(0)} ms`);
    seeded = true;
  }
  const { app, apollo } = await createApp({ store, production: config.production, seeded: () => seeded });
  const server: Server = app.listen(config.port, config.host, () => {
    console.log(`GraphQL ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/graphql`);
  });

  const shutdown = (signal: string) => {
    console.log(`${signal} received: closing`);
    server.close(async () => {
      await apollo.stop();
      await store.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
