/** The Relay-style list fields (cities, parks, …): filters, keyset pagination, totalCount. */
import { BadUserInputError } from '../errors.js';
import { normalizeText } from '../text/chinese.js';
import type { GraphContext } from './context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import {
  ENTITIES_AT_PLACES,
  LIST_COUNT,
  LIST_COUNT_AMONG,
  LIST_PAGE,
  LIST_PAGE_AMONG,
  RELATED_LIST_QUERIES,
  relationshipFiltersOf,
} from './list-queries.js';
import type { NodeProps } from './node-props.js';
import { MAX_PAGE, pageSize } from './page-sizes.js';
import { issuersIn, placesWithin, resolveReference } from './references.js';

interface ListArgs {
  filter?: {
    nameContains?: string | null;
    city?: string | null;
    park?: string | null;
    chain?: string | null;
    document?: string | null;
    status?: string[] | null;
    minAmountYi?: number | null;
    maxAmountYi?: number | null;
    issuer?: string | null;
    policyType?: string | null;
  } | null;
  first?: number | null;
  after?: string | null;
}

/** The list field `list` of a kind; its relationship filters are the ones its @relation fields answer. */
export function listResolver(kind: string, list: string) {
  const related = relationshipFiltersOf(kind);
  /** A filter the kind has no relationship for would answer "none", meaning "not understood": refused. */
  const refuse = (filter: string) =>
    new BadUserInputError(`${list} cannot be filtered by ${filter}: no relationship links them`, `filter.${filter}`);
  return async (_: unknown, args: ListArgs, ctx: GraphContext) => {
    const limit = pageSize(args.first, MAX_PAGE);
    const after = decodeCursor(args.after);
    const f = args.filter ?? {};
    if (f.minAmountYi != null && f.maxAmountYi != null && f.minAmountYi > f.maxAmountYi) {
      throw new BadUserInputError(
        `minAmountYi (${f.minAmountYi}) is greater than maxAmountYi (${f.maxAmountYi})`,
        'filter',
      );
    }
    if (f.nameContains != null && !f.nameContains.trim())
      throw new BadUserInputError('filter.nameContains must not be empty', 'filter.nameContains');
    if (f.city != null && !ENTITIES_AT_PLACES[kind]) throw refuse('city');
    if (f.park != null && !related.includes('PARK')) throw refuse('park');
    if (f.chain != null && !related.includes('CHAIN')) throw refuse('chain');
    if (f.issuer != null && !related.includes('ISSUER')) throw refuse('issuer');

    const places = f.city != null ? await placesWithin(ctx, f.city, 'filter.city') : null;
    const parks = f.park != null ? await resolveReference(ctx, f.park, ['Park'], 'filter.park') : null;
    const chains = f.chain != null ? await resolveReference(ctx, f.chain, ['IndustryChain'], 'filter.chain') : null;
    const issuers = f.issuer != null ? await issuersIn(ctx, f.issuer, 'filter.issuer') : null;

    const ids = places
      ? [...new Set((await ctx.read<{ ids: string[] }>(ENTITIES_AT_PLACES[kind]!, { places, kind }))[0]?.ids ?? [])]
      : null;
    const params = {
      kind,
      ids,
      text: f.nameContains != null ? normalizeText(f.nameContains.trim()) : null,
      document: f.document ?? null,
      statuses: f.status?.length ? f.status : null,
      minAmount: f.minAmountYi ?? null,
      maxAmount: f.maxAmountYi ?? null,
      policyType: f.policyType ?? null,
    };
    const relatedQueries = parks != null || chains != null || issuers != null ? RELATED_LIST_QUERIES[kind] : undefined;
    const filters = relatedQueries ? { ...params, parks, chains, issuers } : params;
    const [page, count] = relatedQueries
      ? ids
        ? [relatedQueries.pageAmong, relatedQueries.countAmong]
        : [relatedQueries.page, relatedQueries.count]
      : ids
        ? [LIST_PAGE_AMONG, LIST_COUNT_AMONG]
        : [LIST_PAGE, LIST_COUNT];
    const [rows, total] = await Promise.all([
      ctx.read<{ node: NodeProps }>(page, { ...filters, after, limit: limit + 1 }),
      ctx.read<{ total: number }>(count, filters),
    ]);
    const nodes = rows.slice(0, limit).map((r) => r.node);
    for (const node of nodes) ctx.entity.prime(node.id, node);
    const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
    return {
      totalCount: total[0]?.total ?? 0,
      pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
      edges,
      nodes,
    };
  };
}
