/**
 * For a test file: the real app served over loopback HTTP on an embedded store seeded from
 * cypher/, started before its tests and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import type { GrafeoStore } from '../../src/store/grafeo-store.js';
import { serve, type TestServer } from './http-client.js';
import { seededStore } from './seeded-store.js';

export interface ServedGraph {
  store: GrafeoStore;
  server: TestServer;
}

/** The returned object is filled in by beforeAll; read its fields inside tests. */
export function useServedGraph(options: { production?: boolean } = {}): ServedGraph {
  const graph = {} as ServedGraph;
  beforeAll(async () => {
    ({ store: graph.store } = await seededStore());
    graph.server = await serve(graph.store, options.production ?? false);
  });
  afterAll(async () => {
    await graph.server?.close();
    await graph.store?.close();
  });
  return graph;
}
