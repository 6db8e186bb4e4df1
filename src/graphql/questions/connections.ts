/** connections(from, to, maxHops): all shortest paths, each step with its relationship and evidence. */
import type { GraphContext } from '../context.js';
import { badInput } from '../errors.js';
import { SHORTEST_PATHS } from '../graph-queries.js';
import { evidenceOf, relationProperties, type NodeProps } from '../node-props.js';
import { resolveReference } from '../references.js';

export const MAX_HOPS = 6;
const MAX_PATHS = 20;

interface Row {
  nodes: NodeProps[];
  rels: Array<{ type: string; from: string; props: Record<string, unknown> }>;
}

async function one(ctx: GraphContext, ref: string, field: string): Promise<string> {
  const ids = await resolveReference(ctx, ref, null, field);
  if (ids.length > 1)
    throw badInput(
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
    throw badInput(`maxHops must be from 1 to ${MAX_HOPS}, got ${args.maxHops}`, 'maxHops');
  }
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PATHS)
    throw badInput(`first must be from 1 to ${MAX_PATHS}, got ${args.first}`, 'first');
  const [from, to] = await Promise.all([one(ctx, args.from, 'from'), one(ctx, args.to, 'to')]);
  if (from === to) throw badInput('from and to are the same entity', 'to');
  const rows = await ctx.read<Row>(SHORTEST_PATHS, { from, to, maxHops: args.maxHops, limit: args.first });
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
        basis: (r.props.basis as string | undefined) ?? null,
        reason: (r.props.reason as string | undefined) ?? null,
        properties: relationProperties(r.props),
        evidence: evidenceOf(r.props),
      })),
    };
  });
}
