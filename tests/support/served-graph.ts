/**
 * For a test file: the real app served over loopback HTTP on the test engine (tests/support/
 * test-store.ts) holding the graph of cypher/, started before its tests and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import type { GraphStore } from '../../src/store/graph-store.js';
import { serve, type TestServer } from './http-client.js';
import { seededTestStore } from './test-store.js';

export interface ServedGraph {
  store: GraphStore;
  server: TestServer;
}

/** The returned object is filled in by beforeAll; read its fields inside tests. */
export function useServedGraph(options: { production?: boolean } = {}): ServedGraph {
  const graph = {} as ServedGraph;
  beforeAll(async () => {
    ({ store: graph.store } = await seededTestStore());
    graph.server = await serve(graph.store, options.production ?? false);
  });
  afterAll(async () => {
    await graph.server?.close();
    await graph.store?.close();
  });
  return graph;
}
