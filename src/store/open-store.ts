import type { StoreConfig } from '../config.js';
import type { GraphStore } from './graph-store.js';

/**
 * The configured engine: Neo4j when NEO4J_URI is set, otherwise embedded Grafeo. Each adapter is
 * imported only when chosen, so a Neo4j deployment never loads Grafeo's native addon (which
 * ships for fewer platforms than Node does).
 */
export async function openStore(config: StoreConfig): Promise<GraphStore> {
  if (config.engine === 'neo4j') {
    const { Neo4jStore } = await import('./neo4j-store.js');
    return new Neo4jStore(config);
  }
  const { GrafeoStore } = await import('./grafeo-store.js');
  return GrafeoStore.open(config);
}
