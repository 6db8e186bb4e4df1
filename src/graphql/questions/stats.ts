/** stats: nodes per label, relationships per type, and per document what it mentions and states. */
import { countGraph } from '../../store/graph-counts.js';
import type { GraphContext } from '../context.js';

export const DOCUMENT_COUNTS = `
MATCH (d:Document)
OPTIONAL MATCH (n:Entity)-[:MENTIONED_IN]->(d)
WITH d, count(n) AS entities
OPTIONAL MATCH ()-[r]->() WHERE d.id IN r.evidenceDocs
RETURN d.id AS document, entities, count(r) AS relationships
ORDER BY document`;

const toCounts = (o: Record<string, number>) => Object.entries(o).map(([name, count]) => ({ name, count }));

export async function stats(_: unknown, __: unknown, ctx: GraphContext) {
  const [counts, docs] = await Promise.all([
    countGraph(ctx),
    ctx.read<{ document: string; entities: number; relationships: number }>(DOCUMENT_COUNTS),
  ]);
  return {
    nodes: toCounts(counts.nodes),
    relationships: toCounts(counts.relationships),
    documents: docs.map((d) => ({
      // Loaded only when selected (graphql-js calls function-valued fields).
      document: () => ctx.entity.load(d.document),
      entities: d.entities,
      relationships: d.relationships,
    })),
  };
}
