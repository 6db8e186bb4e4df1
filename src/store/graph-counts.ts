import type { GraphStore } from './graph-store.js';

export interface GraphCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

/** ChainAtlas's nodes (:Entity and their kind labels); the seed's :Statistic nodes describe the graph and are not in it. */
const NODE_COUNTS = 'MATCH (n:Entity) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label';
const RELATIONSHIP_COUNTS = 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type';

/**
 * Nodes per label and relationships per type, as the store holds them now. Takes anything that
 * reads, so the API can count through its request context (its query count and time budget).
 */
export async function countGraph(store: Pick<GraphStore, 'read'>): Promise<GraphCounts> {
  const [nodes, rels] = await Promise.all([
    store.read<{ label: string; count: number }>(NODE_COUNTS),
    store.read<{ type: string; count: number }>(RELATIONSHIP_COUNTS),
  ]);
  return {
    nodes: Object.fromEntries(nodes.map((r) => [r.label, r.count])),
    relationships: Object.fromEntries(rels.map((r) => [r.type, r.count])),
  };
}
