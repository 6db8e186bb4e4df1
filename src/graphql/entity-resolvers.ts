/**
 * Resolvers shared by every Entity type (evidence, documents, relations) plus the typed
 * relationship fields generated from RELATION_FIELDS.
 */
import type { IResolvers } from '@graphql-tools/utils';
import type { GraphQLResolveInfo } from 'graphql';
import type { DirectionArg, GraphContext, RelationRow } from './context.js';
import { DERIVED_RELATIONSHIPS, NODE_LABELS, PREDICATE_NAMES } from '../knowledge/seed-schema.js';
import { badInput } from './errors.js';
import { evidenceOf, relationProperties, type EvidenceValue, type NodeProps } from './node-props.js';
import { RELATION_FIELDS } from './relation-fields.js';
import { selectedProperties } from './selected-properties.js';

export const MAX_RELATIONS = 500;
/** Every relationship type in the graph: the facts' predicates, the builder's mentions, and a document's DESCRIBES. */
export const ALL_RELATION_TYPES = [...PREDICATE_NAMES, ...DERIVED_RELATIONSHIPS, 'DESCRIBES'];

export function pageSize(first: number | null | undefined, max: number, field = 'first'): number {
  const n = first ?? max;
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw badInput(`${field} must be an integer from 0 to ${max}, got ${n}`, field);
  return n;
}

const evidence = (props: Record<string, unknown>) => evidenceOf(props);

const commonFields = {
  aliases: (n: NodeProps) => n.aliases ?? [],
  evidence: (n: NodeProps) => evidence(n),
  documents: async (n: NodeProps, _: unknown, ctx: GraphContext) => {
    const ids = [...new Set(n.evidenceDocs ?? [])].filter((id) => id !== n.id);
    return (await loadAll(ctx, ids)).filter((d) => d !== null);
  },
  relations: async (
    n: NodeProps,
    args: { types?: string[] | null; direction: DirectionArg; first: number },
    ctx: GraphContext,
  ) => {
    const limit = pageSize(args.first, MAX_RELATIONS);
    const rows = await ctx
      .relations({ types: args.types?.length ? args.types : ALL_RELATION_TYPES, direction: args.direction })
      .load(n.id);
    return rows.slice(0, limit).map((row: RelationRow) => ({
      type: row.type,
      direction: row.outgoing ? 'OUT' : 'IN',
      node: row.node,
      basis: (row.rel.basis as string | undefined) ?? null,
      reason: (row.rel.reason as string | undefined) ?? null,
      properties: relationProperties(row.rel),
      evidence: row.type === 'MENTIONED_IN' ? mentionEvidence(row) : evidence(row.rel),
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

export function entityResolvers(): IResolvers<NodeProps, GraphContext> {
  const resolvers: IResolvers = {
    Entity: { __resolveType: (n: NodeProps) => n.kind },
    Evidence: { document: (e: EvidenceValue, _: unknown, ctx: GraphContext) => ctx.entity.load(e.documentId) },
    Park: { designations: (n: NodeProps) => (n.designations as string[] | undefined) ?? [] },
    Document: {
      entities: async (
        n: NodeProps,
        args: { kinds?: string[] | null; first: number },
        ctx: GraphContext,
        info: GraphQLResolveInfo,
      ) => {
        const spec = {
          types: ['MENTIONED_IN'],
          direction: 'IN' as const,
          kinds: args.kinds?.length ? args.kinds : null,
        };
        const rows = await ctx.relations(spec, selectedProperties(info)).load(n.id);
        return rows.slice(0, pageSize(args.first, MAX_RELATIONS)).map((r) => r.node);
      },
    },
  };
  for (const kind of NODE_LABELS) {
    const typeResolvers = (resolvers[kind] ??= {}) as Record<string, unknown>;
    Object.assign(typeResolvers, commonFields, { ...(typeResolvers as object) });
    for (const [field, spec] of Object.entries(RELATION_FIELDS[kind] ?? {})) {
      typeResolvers[field] = async (
        n: NodeProps,
        args: { first?: number },
        ctx: GraphContext,
        info: GraphQLResolveInfo,
      ) => {
        const rows = await ctx.relations(spec, selectedProperties(info)).load(n.id);
        if (spec.single) return rows[0]?.node ?? null;
        return rows.slice(0, pageSize(args.first, MAX_RELATIONS)).map((r) => r.node);
      };
    }
  }
  return resolvers as IResolvers<NodeProps, GraphContext>;
}
