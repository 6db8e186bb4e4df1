/**
 * Relationship lookups, one concept in one file: the Cypher, the per-request batching and the
 * resolvers of the @relation fields (relation-model.ts reads them from the SDL).
 *
 * Cypher: one text per @relation field's types and direction, and one per direction for the
 * generic relations(types, direction). Each fetches the relationships of many entities at once
 * (one query per field per request level, never one per row), to some kinds, sorted before any
 * property map is built. The direction is written in the pattern (the engine then expands one way
 * only), and so are the types where they are known in advance: Grafeo 0.6 expands a typed pattern
 * about a third faster than an untyped one filtered on type(r). The Cypher lint test lints every
 * exported text; tests/cypher-snapshots.test.ts pins each field's.
 *
 * Resolvers: a list answers `first` (at most MAX_RELATIONS), a single field its first neighbour
 * by name; a `kinds` argument narrows the kinds at the other end. Only the properties the
 * selection reads are fetched (selected-properties.ts).
 */
import type { IResolvers } from '@graphql-tools/utils';
import type DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { NODE_LABELS } from '../knowledge/seed-schema.js';
import type { GraphContext } from './context.js';
import { precomputed } from './list-compiler.js';
import type { NodeProps } from './node-props.js';
import { MAX_RELATIONS, pageSize } from './page-sizes.js';
import { arrow, RELATION_FIELDS, type Direction, type RelationField, type RelationSpec } from './relation-model.js';
import { selectedProperties } from './selected-properties.js';

function relationsQuery(direction: Direction, types: readonly string[] | null, returns: string): string {
  const outgoing = direction === 'OUT' ? 'true' : direction === 'IN' ? 'false' : 'startNode(r) = a';
  return `
UNWIND $ids AS sourceId
MATCH (a:Entity {id: sourceId})${arrow(direction, types, 'r')}(b:Entity)
WHERE ${types ? '' : 'type(r) IN $types AND '}b.kind IN $kinds
WITH sourceId, a, r, b, ${outgoing} AS outgoing ORDER BY sourceId, b.name, b.id, type(r), outgoing
RETURN sourceId, ${returns}, type(r) AS type, outgoing`;
}

/** With the neighbour's and the relationship's properties (the relations field, with evidence). */
const WITH_PROPERTIES = 'properties(b) AS node, properties(r) AS rel';
/** With only the neighbour properties $keys names, as a list in that order (relationship fields). */
const WITH_PICKED = '[k IN $keys | b[k]] AS values';

/** Any relationship types ($types), every property: the relations field. */
export const RELATIONS: Record<Direction, string> = {
  OUT: relationsQuery('OUT', null, WITH_PROPERTIES),
  IN: relationsQuery('IN', null, WITH_PROPERTIES),
  BOTH: relationsQuery('BOTH', null, WITH_PROPERTIES),
};

/** The key of a relationship field's text: direction and sorted types. */
export const relationKey = (direction: Direction, types: readonly string[]) =>
  `${direction} ${[...types].sort().join('|')}`;

/** One text per distinct types and direction of the @relation fields, picking the selected properties. */
export const RELATION_FIELD_QUERIES: Record<string, string> = Object.fromEntries(
  RELATION_FIELDS.map((f) => [relationKey(f.direction, f.types), relationsQuery(f.direction, f.types, WITH_PICKED)]),
);

export interface RelationRow {
  sourceId: string;
  /** With only the picked properties when some were picked: then it is not cached as the entity. */
  node: NodeProps;
  /** Empty when neighbour properties were picked. */
  rel: Record<string, unknown>;
  type: string;
  outgoing: boolean;
}

type PickedRow = Omit<RelationRow, 'node' | 'rel'> & { values: unknown[] };

/** A picked row's values, in the order of the keys, as a node (nulls left out, as properties() does). */
function pickedNode(keys: readonly string[], values: unknown[]): NodeProps {
  const node: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) if (values[i] != null) node[keys[i]!] = values[i];
  return node as NodeProps;
}

/**
 * A spec's batching key. The @relation fields' specs are constants (relation-model.ts), asked
 * for once per row: their key is worked out once.
 */
const specKeys = new WeakMap<RelationSpec, string>();
function specKey(spec: RelationSpec): string {
  let key = specKeys.get(spec);
  if (key === undefined) {
    key = JSON.stringify([[...spec.types].sort(), spec.direction, spec.kinds ? [...spec.kinds].sort() : null]);
    specKeys.set(spec, key);
  }
  return key;
}

/**
 * The relationships of a spec, batched per request level. `keys`: only these properties of each
 * neighbour and none of the relationship (the @relation fields); null: every property of both
 * (relations(types, direction), which shows the relationship's own properties and evidence).
 */
export function relationsOf(
  ctx: GraphContext,
  spec: RelationSpec,
  keys: readonly string[] | null = null,
): DataLoader<string, RelationRow[]> {
  return ctx.batch<string, RelationRow[]>(`relations ${specKey(spec)}|${keys ? keys.join(',') : '*'}`, async (ids) => {
    // Every kind for "any kind": a constant list keeps the kind filter a plain IN.
    const params = { ids: [...ids], types: [...spec.types], kinds: [...(spec.kinds ?? NODE_LABELS)], keys };
    let rows: RelationRow[];
    if (keys) {
      const typed = RELATION_FIELD_QUERIES[relationKey(spec.direction, spec.types)];
      if (!typed) throw new Error(`no @relation field follows ${relationKey(spec.direction, spec.types)}`);
      const picked = await ctx.read<PickedRow>(typed, params);
      rows = picked.map((r) => ({
        sourceId: r.sourceId,
        node: pickedNode(keys, r.values),
        rel: {},
        type: r.type,
        outgoing: r.outgoing,
      }));
    } else {
      rows = await ctx.read<RelationRow>(RELATIONS[spec.direction], params);
    }
    const grouped = new Map<string, RelationRow[]>();
    for (const row of rows) {
      const list = grouped.get(row.sourceId);
      if (list) list.push(row);
      else grouped.set(row.sourceId, [row]);
      if (!keys) ctx.entity.prime(row.node.id, row.node);
    }
    return ids.map((id) => grouped.get(id) ?? []);
  });
}

function resolveRelation(field: RelationField) {
  const label = `${field.owner}.${field.field}`;
  const load = async (
    n: NodeProps,
    args: { first?: number; kinds?: string[] | null },
    ctx: GraphContext,
    info: GraphQLResolveInfo,
  ) => {
    const spec: RelationSpec =
      field.kindsArgument && args.kinds?.length
        ? { ...field, kinds: field.kinds ? field.kinds.filter((k) => args.kinds!.includes(k)) : args.kinds }
        : field;
    const rows = await relationsOf(ctx, spec, selectedProperties(info)).load(n.id);
    if (field.single) return rows[0]?.node ?? null;
    const page = rows.slice(0, pageSize(args.first, MAX_RELATIONS));
    ctx.returned(page.length, label);
    return page.map((r) => r.node);
  };
  return (
    n: NodeProps,
    args: { first?: number; kinds?: string[] | null },
    ctx: GraphContext,
    info: GraphQLResolveInfo,
  ) => {
    // Computed by the list query (list-compiler.ts) when the selection came through one: answered
    // at once, without a promise per row.
    const compiled = precomputed(n, info);
    if (!compiled) return load(n, args, ctx, info);
    if (!field.single) ctx.returned((compiled.value as NodeProps[]).length, label);
    return compiled.value;
  };
}

export function relationResolvers(fields: readonly RelationField[] = RELATION_FIELDS): IResolvers {
  const resolvers: Record<string, Record<string, ReturnType<typeof resolveRelation>>> = {};
  for (const field of fields) (resolvers[field.owner] ??= {})[field.field] = resolveRelation(field);
  return resolvers;
}
