/** The Relay-style list fields (cities, parks, …): filters, keyset pagination, totalCount. */
import { normalizeText } from '../text/chinese.js';
import type { GraphContext } from './context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { badInput } from './errors.js';
import {
  CITIES_AMONG,
  ENTITIES_AT_PLACES,
  ISSUERS_IN,
  LIST_COUNT,
  LIST_COUNT_AMONG,
  LIST_COUNT_AMONG_RELATED,
  LIST_COUNT_RELATED,
  LIST_PAGE,
  LIST_PAGE_AMONG,
  LIST_PAGE_AMONG_RELATED,
  LIST_PAGE_RELATED,
  PROJECTS_AT_PLACES,
} from './graph-queries.js';
import type { NodeProps } from './node-props.js';
import { placesWithin, resolveReference } from './references.js';
import { pageSize } from './entity-resolvers.js';
import { FILTER_RELATIONS } from './list-filters.js';

export const MAX_PAGE = 100;

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

export function listResolver(kind: string) {
  return async (_: unknown, args: ListArgs, ctx: GraphContext) => {
    const limit = pageSize(args.first, MAX_PAGE);
    const after = decodeCursor(args.after);
    const f = args.filter ?? {};
    const rel = FILTER_RELATIONS[kind]!;
    if (f.minAmountYi != null && f.maxAmountYi != null && f.minAmountYi > f.maxAmountYi) {
      throw badInput(`minAmountYi (${f.minAmountYi}) is greater than maxAmountYi (${f.maxAmountYi})`, 'filter');
    }
    if (f.nameContains != null && !f.nameContains.trim())
      throw badInput('filter.nameContains must not be empty', 'filter.nameContains');

    const places = f.city != null ? await placesWithin(ctx, f.city, 'filter.city') : null;
    // Indicators follow their subject's place via HAS_INDICATOR, which points the other way: keep it simple and exact.
    if (places && kind === 'Indicator')
      throw badInput('indicators cannot be filtered by city; query the city and its indicators', 'filter.city');
    const parks = f.park != null ? await resolveReference(ctx, f.park, ['Park'], 'filter.park') : null;
    const chains = f.chain != null ? await resolveReference(ctx, f.chain, ['IndustryChain'], 'filter.chain') : null;
    const issuers = f.issuer != null ? await issuersFor(ctx, f.issuer) : null;

    const atPlaces = kind === 'Project' ? PROJECTS_AT_PLACES : ENTITIES_AT_PLACES[kind]!;
    const ids = places
      ? [...new Set((await ctx.read<{ ids: string[] }>(atPlaces, { places, kind }))[0]?.ids ?? [])]
      : null;
    const params = {
      kind,
      ids,
      text: f.nameContains != null ? normalizeText(f.nameContains.trim()) : null,
      document: f.document ?? null,
      parks,
      parkTypes: rel.park,
      chains,
      chainTypes: rel.chain,
      issuers,
      statuses: f.status?.length ? f.status : null,
      minAmount: f.minAmountYi ?? null,
      maxAmount: f.maxAmountYi ?? null,
      policyType: f.policyType ?? null,
    };
    const related = parks != null || chains != null || issuers != null;
    const [page, count] = ids
      ? related
        ? [LIST_PAGE_AMONG_RELATED, LIST_COUNT_AMONG_RELATED]
        : [LIST_PAGE_AMONG, LIST_COUNT_AMONG]
      : related
        ? [LIST_PAGE_RELATED, LIST_COUNT_RELATED]
        : [LIST_PAGE, LIST_COUNT];
    const [rows, total] = await Promise.all([
      ctx.read<{ node: NodeProps }>(page, { ...params, after, limit: limit + 1 }),
      ctx.read<{ total: number }>(count, params),
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

/** An issuer given as a city means the city and the bodies located in it (or its districts). */
async function issuersFor(ctx: GraphContext, ref: string): Promise<string[]> {
  const ids = await resolveReference(ctx, ref, ['Organization', 'City'], 'filter.issuer');
  const cities = await ctx.read<{ id: string }>(CITIES_AMONG, { ids });
  if (cities.length === 0) return ids;
  const places = (await Promise.all(cities.map((c) => placesWithin(ctx, c.id, 'filter.issuer')))).flat();
  const rows = await ctx.read<{ issuers: string[] }>(ISSUERS_IN, { ids: [...new Set([...ids, ...places])] });
  return rows[0]?.issuers ?? ids;
}
