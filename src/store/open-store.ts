import type { StoreConfig } from '../config.js';
import type { GraphStore } from './graph-store.js';
import { GrafeoStore } from './grafeo-store.js';
import { Neo4jStore } from './neo4j-store.js';

/** The configured engine: Neo4j when NEO4J_URI is set, otherwise embedded Grafeo. */
export function openStore(config: StoreConfig): GraphStore {
  return config.engine === 'neo4j' ? new Neo4jStore(config) : GrafeoStore.open(config);
}
