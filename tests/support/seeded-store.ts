/** A real embedded store seeded from the committed cypher/ files, as `npm start` does it. */
import { GrafeoStore } from '../../src/store/grafeo-store.js';
import { seedGraph, type SeedReport } from '../../src/seeding/seed-graph.js';
import { CYPHER_DIR } from './test-store.js';

export { CYPHER_DIR };

export async function seededStore(path?: string): Promise<{ store: GrafeoStore; report: SeedReport }> {
  const store = GrafeoStore.open({ path, timeoutMs: 10_000 });
  const report = await seedGraph(store, CYPHER_DIR);
  return { store, report };
}
