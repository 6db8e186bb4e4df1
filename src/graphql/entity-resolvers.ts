/**
 * Resolvers every Entity type shares: its aliases, evidence, documents and relations(types,
 * direction), plus the interface's type resolution; and the fields read from the properties the
 * seed derives (a located kind's city, a city's prefecture and province; derived-properties.ts).
 * The relationship fields declared with @relation are relationships.ts's.
 */
import type { IResolvers } from '@graphql-tools/utils';
import type { GraphQLResolveInfo } from 'graphql';
import { NODE_LABELS } from '../knowledge/seed-schema.js';
import type { GraphContext } from './context.js';
import { qualifiersOf } from './fact-values.js';
import { precomputed } from './list-compiler.js';
import {
  DERIVED_ENTITY_FIELDS,
  evidenceOf,
  relationProperties,
  type EvidenceValue,
  type NodeProps,
} from './node-props.js';
import { MAX_RELATIONS, pageSize } from './page-sizes.js';
import { ALL_RELATION_TYPES, type Direction } from './relation-model.js';
import { relationsOf, type RelationRow } from './relationships.js';

const commonFields = {
  aliases: (n: NodeProps) => n.aliases ?? [],
  evidence: (n: NodeProps) => evidenceOf(n),
  documents: async (n: NodeProps, _: unknown, ctx: GraphContext) => {
    const ids = [...new Set(n.evidenceDocs ?? [])].filter((id) => id !== n.id);
    return (await loadAll(ctx, ids)).filter((d) => d !== null);
  },
  relations: async (
    n: NodeProps,
    args: { types?: string[] | null; direction: Direction; first: number },
    ctx: GraphContext,
    info: GraphQLResolveInfo,
  ) => {
    const limit = pageSize(args.first, MAX_RELATIONS);
    // Read with the node's own query when it came through one (list-compiler.ts), ordered and limited alike.
    const compiled = precomputed(n, info)?.value as Array<Omit<RelationRow, 'sourceId'>> | undefined;
    const rows: RelationRow[] = compiled
      ? compiled.map((row) => ({ ...row, sourceId: n.id }))
      : await relationsOf(ctx, {
          types: args.types?.length ? args.types : ALL_RELATION_TYPES,
          direction: args.direction,
          kinds: null,
        }).load(n.id);
    if (compiled) for (const row of rows) ctx.entity.prime(row.node.id, row.node);
    const page = rows.slice(0, limit);
    ctx.returned(page.length, `${n.kind}.relations`);
    return page.map((row: RelationRow) => ({
      type: row.type,
      direction: row.outgoing ? 'OUT' : 'IN',
      node: row.node,
      basis: (row.rel.basis as string | undefined) ?? null,
      reason: (row.rel.reason as string | undefined) ?? null,
      qualifiers: qualifiersOf(row.type, row.rel),
      properties: relationProperties(row.rel),
      evidence: row.type === 'MENTIONED_IN' ? mentionEvidence(row) : evidenceOf(row.rel),
    }));
  },
};

/**
 * Entities by id; ids that name nothing are null. A failed load (a timeout, the store down) fails
 * the field with its error: dropping the failed ones would answer a shorter list as if complete.
 */
export async function loadAll(ctx: GraphContext, ids: readonly string[]): Promise<Array<NodeProps | null>> {
  const loaded = await ctx.entity.loadMany(ids);
  const failed = loaded.find((value): value is Error => value instanceof Error);
  if (failed) throw failed;
  return loaded as Array<NodeProps | null>;
}

/** MENTIONED_IN keeps quotes for its one document, without a document list. */
function mentionEvidence(row: RelationRow): EvidenceValue[] {
  const { quotes = [], starts = [], ends = [] } = row.rel as { quotes?: string[]; starts?: number[]; ends?: number[] };
  const documentId = row.outgoing ? row.node.id : row.sourceId;
  return quotes.map((quote, i) => ({ documentId, quote, start: starts[i] ?? 0, end: ends[i] ?? 0 }));
}

/** A field that loads the entity whose id a derived property holds (a located kind's city). */
const byDerivedId = (property: string) => (n: NodeProps, _: unknown, ctx: GraphContext, info: GraphQLResolveInfo) => {
  const compiled = precomputed(n, info);
  if (compiled) return compiled.value;
  const id = n[property];
  return typeof id === 'string' ? ctx.entity.load(id) : null;
};

/** Where the seeds leave a status out, the model reads it as existing (seeds/README.md). */
const statusOrExisting = (n: NodeProps) => (n.status as string | undefined) ?? 'existing';

export function entityResolvers(): IResolvers<NodeProps, GraphContext> {
  const resolvers: Record<string, Record<string, unknown>> = {
    Entity: { __resolveType: (n: NodeProps) => n.kind },
    Evidence: { document: (e: EvidenceValue, _: unknown, ctx: GraphContext) => ctx.entity.load(e.documentId) },
    StatusReading: {
      document: (r: { documentId: string }, _: unknown, ctx: GraphContext) => ctx.entity.load(r.documentId),
    },
    Park: {
      status: statusOrExisting,
      designationNames: (n: NodeProps) => (n.designations as string[] | undefined) ?? [],
    },
    Policy: { status: statusOrExisting },
  };
  for (const [kind, fields] of Object.entries(DERIVED_ENTITY_FIELDS))
    for (const [field, property] of Object.entries(fields)) (resolvers[kind] ??= {})[field] = byDerivedId(property);
  for (const kind of NODE_LABELS) resolvers[kind] = { ...commonFields, ...resolvers[kind] };
  return resolvers;
}
