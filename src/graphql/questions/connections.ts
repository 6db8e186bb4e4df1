/** connections(from, to, maxHops): all shortest paths, each step with its relationship and evidence. */
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphContext } from '../context.js';
import { BadUserInputError } from '../../errors.js';
import { MAX_PATHS } from '../page-sizes.js';
import { PREDICATE_NAMES } from '../../knowledge/seed-schema.js';
import { qualifiersOf } from '../fact-values.js';
import { evidenceOf, relationProperties, type NodeProps } from '../node-props.js';
import { candidatesInQuery, withCandidates } from '../references.js';
import { pick, picked, propertiesAt } from './selection.js';

export const MAX_HOPS = 6;

/**
 * The relationship types a path between entities may use: every fact, no document links. They
 * are named in the pattern, not filtered after it: Grafeo (0.6) applies a WHERE on a
 * shortest-path's relationships after the search, Neo4j during it, so only this form agrees.
 */
const PATH_TYPES = [...PREDICATE_NAMES].sort().join('|');

const STEP = `-[:${PATH_TYPES}]-`;

/** `(end)-[:…]-()-[:…]-(x)`: a walk of `k` steps from an end of the path to x. */
const walk = (end: string, k: number) => `(${end})${`${STEP}()`.repeat(k - 1)}${STEP}(x)`;

/**
 * The nodes `k` steps from `end` (ids), found only while the length is still unknown and may
 * reach `hops`; the next level's meeting test uses them.
 */
const reach = (end: string, k: number, hops: number, out: string) =>
  `CALL { WITH ${end}, d WITH ${end}, d WHERE d IS NULL AND $maxHops >= ${hops} MATCH ${walk(end, k)} RETURN collect(DISTINCT x.id) AS ${out} }`;

/**
 * Whether the two sets meet: ids in both, by counting (linear; a list test of each against the
 * other is quadratic, and these sets reach thousands of nodes next to a busy city or chain).
 */
const meet = (left: string, right: string) =>
  `CALL { WITH ${left}, ${right} UNWIND ${left} + ${right} AS x WITH x, count(*) AS n WHERE n > 1 RETURN collect(x) AS met }`;

/** The first meeting fixes the length `len` and the meeting nodes; later levels keep them. */
const settle = (carry: string[], len: number) =>
  `WITH ${['a', 'b', ...carry].join(', ')}, CASE WHEN d IS NULL AND size(met) > 0 THEN ${len} ELSE d END AS d, CASE WHEN d IS NULL THEN met ELSE mids END AS mids`;

/** A node of a path: the properties the selection reads of the path's nodes ($nodeKeys; selection.ts). */
const node = (n: string) => pick(n, 'nodeKeys');

const relMap = (r: string) => `{type: type(${r}), from: startNode(${r}).id, props: properties(${r})}`;

/**
 * Half paths of `k` steps from `end` to a meeting node, as property maps (Grafeo 0.6 can return
 * another relationship's properties for a relationship carried out of a subquery), when `k` is
 * the length of that half.
 */
function halves(end: string, k: number, length: string, out: string): string {
  if (k === 0)
    return `CALL { WITH ${end}, ${length} WITH ${end}, ${length} WHERE ${length} = 0 RETURN collect({mid: ${end}.id, ids: [${end}.id], nodes: [${node(end)}], rels: []}) AS ${out} }`;
  const steps = Array.from({ length: k }, (_, i) => i + 1);
  const pattern = `(${end})${steps.map((i) => `-[r${i}:${PATH_TYPES}]-(n${i})`).join('')}`;
  const ends = [end, ...steps.map((i) => `n${i}`)];
  const ids = ends.map((n) => `${n}.id`).join(', ');
  const nodes = ends.map(node).join(', ');
  const rels = steps.map((i) => relMap(`r${i}`)).join(', ');
  return `CALL { WITH ${end}, ${length}, mids WITH ${end}, ${length}, mids WHERE ${length} = ${k}
  MATCH ${pattern} WHERE n${k}.id IN mids
  RETURN collect({mid: n${k}.id, ids: [${ids}], nodes: [${nodes}], rels: [${rels}]}) AS ${out} }`;
}

/**
 * All shortest paths of at most $maxHops (up to 6) steps through facts, met in the middle: the
 * nodes one, two, three steps from each end are gathered level by level until the two sides meet,
 * which fixes the length d and the meeting nodes; then the half paths from each end to those nodes
 * (ceil(d/2) steps from $from, floor(d/2) from $to) are joined there. Every walk of d steps
 * between the ends is a shortest path, so the joined halves are exactly the shortest paths, each
 * once. allShortestPaths gives the same paths, but Grafeo 0.6 searches from one end only, through
 * everything a busy city or chain touches: 0.16 s at 1M nodes for a path of four steps, against
 * a few hundred nodes gathered from each end here. Ordered by the ids along the path, so which
 * paths a limit keeps is the same on both engines.
 *
 * The ends are resolved inside the query (candidatesInQuery; an alias on a second run) and returned with
 * the paths, so an end that names nothing, or names several entities, is still a clear error; the
 * search runs only for one entity at each end, two different ones. Of the paths' nodes only the
 * properties the selection reads come back.
 */
export const CONNECTIONS = `
${candidatesInQuery('from')}
${candidatesInQuery('to')}
CALL { WITH fromIds, toIds
  WITH fromIds, toIds WHERE size(fromIds) = 1 AND size(toIds) = 1 AND fromIds[0] <> toIds[0]
  WITH fromIds[0] AS fromId, toIds[0] AS toId
  MATCH (a:Entity {id: fromId}), (b:Entity {id: toId})
  CALL { WITH a MATCH ${walk('a', 1)} RETURN collect(DISTINCT x.id) AS a1 }
  CALL { WITH b MATCH ${walk('b', 1)} RETURN collect(DISTINCT x.id) AS b1 }
  ${meet('a1', 'b1')}
  WITH a, b, a1, b1, CASE WHEN b.id IN a1 THEN 1 WHEN size(met) > 0 AND $maxHops >= 2 THEN 2 END AS d,
    CASE WHEN b.id IN a1 THEN [b.id] ELSE met END AS mids
  ${reach('a', 2, 3, 'a2')}
  ${meet('a2', 'b1')}
  ${settle(['a2'], 3)}
  ${reach('b', 2, 4, 'b2')}
  ${meet('a2', 'b2')}
  ${settle(['b2'], 4)}
  ${reach('a', 3, 5, 'a3')}
  ${meet('a3', 'b2')}
  ${settle(['a3'], 5)}
  ${reach('b', 3, 6, 'b3')}
  ${meet('a3', 'b3')}
  ${settle([], 6)}
  WITH a, b, d, mids WHERE d IS NOT NULL
  WITH a, b, mids, (d + 1) / 2 AS i, d / 2 AS j
  ${halves('a', 1, 'i', 'fromHalves1')}
  ${halves('a', 2, 'i', 'fromHalves2')}
  ${halves('a', 3, 'i', 'fromHalves3')}
  ${halves('b', 0, 'j', 'toHalves0')}
  ${halves('b', 1, 'j', 'toHalves1')}
  ${halves('b', 2, 'j', 'toHalves2')}
  ${halves('b', 3, 'j', 'toHalves3')}
  UNWIND fromHalves1 + fromHalves2 + fromHalves3 AS fromHalf
  UNWIND toHalves0 + toHalves1 + toHalves2 + toHalves3 AS toHalf
  WITH fromHalf, toHalf WHERE fromHalf.mid = toHalf.mid
  WITH fromHalf.ids + reverse(toHalf.ids)[1..] AS ids, fromHalf.nodes + reverse(toHalf.nodes)[1..] AS nodes,
    fromHalf.rels + reverse(toHalf.rels) AS rels
  ORDER BY reduce(key = '', id IN ids | key + id + ' ')
  LIMIT $limit
  RETURN collect({nodes: nodes, rels: rels}) AS paths }
RETURN fromIds, toIds, paths`;

interface Path {
  nodes: Picked[];
  rels: Array<{ type: string; from: string; props: Record<string, unknown> }>;
}

type Picked = NodeProps | unknown[];

interface Row {
  fromIds: string[];
  toIds: string[];
  paths: Path[];
}

/** The one entity a resolved end names; a clear error for several. */
function one(ids: readonly string[], ref: string, field: string): string {
  if (ids.length > 1) {
    const sorted = [...ids].sort();
    throw new BadUserInputError(
      `${field}: "${ref}" names ${sorted.length} entities (${sorted.slice(0, 5).join(', ')}); pass an id`,
      field,
    );
  }
  return ids[0]!;
}

export async function connections(
  _: unknown,
  args: { from: string; to: string; maxHops: number; first: number },
  ctx: GraphContext,
  info: GraphQLResolveInfo,
) {
  if (!Number.isInteger(args.maxHops) || args.maxHops < 1 || args.maxHops > MAX_HOPS) {
    throw new BadUserInputError(`maxHops must be from 1 to ${MAX_HOPS}, got ${args.maxHops}`, 'maxHops');
  }
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PATHS)
    throw new BadUserInputError(`first must be from 1 to ${MAX_PATHS}, got ${args.first}`, 'first');
  const nodeKeys = propertiesAt(info, ['nodes'], ['steps', 'from'], ['steps', 'to']);
  const search = (ends: Record<string, unknown>) =>
    ctx.read<Row>(CONNECTIONS, { ...ends, maxHops: args.maxHops, limit: args.first, nodeKeys });
  const row = await withCandidates<Row>(ctx, { from: args.from, to: args.to }, async (ends) => (await search(ends))[0]);
  const from = one(row!.fromIds, args.from, 'from');
  const to = one(row!.toIds, args.to, 'to');
  if (from === to) throw new BadUserInputError('from and to are the same entity', 'to');
  const paths = row?.paths ?? [];
  ctx.returned(
    paths.reduce((n, r) => n + r.nodes.length + r.rels.length, 0),
    'connections',
  );
  return paths.map((path) => {
    const nodes = path.nodes.map((n) => picked(n, nodeKeys));
    if (!nodeKeys) for (const n of nodes) ctx.entity.prime(n.id, n);
    return {
      length: path.rels.length,
      nodes,
      steps: path.rels.map((r, i) => ({
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
