/**
 * The store a test file runs on. The `embedded` test project always runs on Grafeo; when
 * NEO4J_TEST_URI is set, the `neo4j` project (vitest.config.ts) runs the contract suite and the
 * API test files again with CHAINATLAS_TEST_ENGINE=neo4j, one file at a time, against that server
 * (NEO4J_TEST_USER, NEO4J_TEST_PASSWORD, NEO4J_TEST_DATABASE). There the suite seeds the database
 * itself and deletes only ChainAtlas's own nodes (everything labelled :Entity or :Statistic).
 */
import { GrafeoStore } from '../../src/store/grafeo-store.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { Neo4jStore, type Neo4jStoreOptions } from '../../src/store/neo4j-store.js';
import { RESET_GRAPH, seedGraph, type SeedReport } from '../../src/seeding/seed-graph.js';

export type TestEngine = 'grafeo' | 'neo4j';

export const TEST_ENGINE: TestEngine = process.env.CHAINATLAS_TEST_ENGINE === 'neo4j' ? 'neo4j' : 'grafeo';
export const ON_NEO4J = TEST_ENGINE === 'neo4j';

export const CYPHER_DIR = 'cypher';

/** The Neo4j server of the neo4j test project, from NEO4J_TEST_*. */
export function neo4jTestOptions(overrides: Partial<Neo4jStoreOptions> = {}): Neo4jStoreOptions {
  const uri = process.env.NEO4J_TEST_URI;
  if (!uri) throw new Error('the neo4j test project needs NEO4J_TEST_URI (and NEO4J_TEST_PASSWORD)');
  return {
    uri,
    user: process.env.NEO4J_TEST_USER ?? 'neo4j',
    password: process.env.NEO4J_TEST_PASSWORD ?? '',
    database: process.env.NEO4J_TEST_DATABASE ?? 'neo4j',
    timeoutMs: 30_000,
    ...overrides,
  };
}

/** A store on the test engine: a fresh embedded one (in memory, or on disk at `path`), or the test Neo4j. */
export function openTestStore(options: { path?: string; timeoutMs?: number } = {}): GraphStore {
  if (ON_NEO4J) return new Neo4jStore(neo4jTestOptions(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}));
  return GrafeoStore.open({ path: options.path, timeoutMs: options.timeoutMs ?? 10_000 });
}

/**
 * The test engine holding exactly the graph of cypher/: a fresh embedded store seeded as
 * `npm start` seeds it, or the test Neo4j with ChainAtlas's nodes deleted and the seeds applied.
 */
export async function seededTestStore(): Promise<{ store: GraphStore; report: SeedReport }> {
  const store = openTestStore();
  if (ON_NEO4J) await store.write(RESET_GRAPH, {}, { timeoutMs: 120_000 });
  const report = await seedGraph(store, CYPHER_DIR);
  return { store, report };
}
