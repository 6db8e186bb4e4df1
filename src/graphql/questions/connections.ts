/** connections(from, to, maxHops): all shortest paths, each step with its relationship and evidence. */
import type { GraphContext } from '../context.js';
import { BadUserInputError } from '../../errors.js';
import { MAX_PATHS } from '../page-sizes.js';
import { PREDICATE_NAMES } from '../../knowledge/seed-schema.js';
import { qualifiersOf } from '../fact-values.js';
import { evidenceOf, relationProperties, type NodeProps } from '../node-props.js';
import { resolveReference } from '../references.js';

export const MAX_HOPS = 6;

/**
 * The relationship types a path between entities may use: every fact, no document links. They
 * are named in the pattern, not filtered after it: Grafeo (0.6) applies a WHERE on a
 * shortest-path's relationships after the search, Neo4j during it, so only this form agrees.
 */
const PATH_TYPES = [...PREDICATE_NAMES].sort().join('|');

/** All shortest paths up to 6 hops through facts; the caller's maxHops filters further. */
export const SHORTEST_PATHS = `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:${PATH_TYPES}*..6]-(b))
WHERE length(p) <= $maxHops
RETURN [n IN nodes(p) | properties(n)] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, props: properties(r)}] AS rels
LIMIT $limit`;

interface Row {
  nodes: NodeProps[];
  rels: Array<{ type: string; from: string; props: Record<string, unknown> }>;
}

async function one(ctx: GraphContext, ref: string, field: string): Promise<string> {
  const ids = await resolveReference(ctx, ref, null, field);
  if (ids.length > 1)
    throw new BadUserInputError(
      `${field}: "${ref}" names ${ids.length} entities (${ids.slice(0, 5).join(', ')}); pass an id`,
      field,
    );
  return ids[0]!;
}

export async function connections(
  _: unknown,
  args: { from: string; to: string; maxHops: number; first: number },
  ctx: GraphContext,
) {
  if (!Number.isInteger(args.maxHops) || args.maxHops < 1 || args.maxHops > MAX_HOPS) {
    throw new BadUserInputError(`maxHops must be from 1 to ${MAX_HOPS}, got ${args.maxHops}`, 'maxHops');
  }
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PATHS)
    throw new BadUserInputError(`first must be from 1 to ${MAX_PATHS}, got ${args.first}`, 'first');
  const [from, to] = await Promise.all([one(ctx, args.from, 'from'), one(ctx, args.to, 'to')]);
  if (from === to) throw new BadUserInputError('from and to are the same entity', 'to');
  const rows = await ctx.read<Row>(SHORTEST_PATHS, { from, to, maxHops: args.maxHops, limit: args.first });
  ctx.returned(
    rows.reduce((n, r) => n + r.nodes.length + r.rels.length, 0),
    'connections',
  );
  return rows.map(({ nodes, rels }) => {
    for (const n of nodes) ctx.entity.prime(n.id, n);
    return {
      length: rels.length,
      nodes,
      steps: rels.map((r, i) => ({
        from: nodes[i],
        to: nodes[i + 1],
        type: r.type,
        forward: r.from === nodes[i]!.id,
        basis: (r.props.basis as string | undefined) ?? 'stated',
        reason: (r.props.reason as string | undefined) ?? null,
        qualifiers: qualifiersOf(r.type, r.props),
        properties: relationProperties(r.props),
        evidence: evidenceOf(r.props),
      })),
    };
  });
}
