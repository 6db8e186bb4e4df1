/**
 * The Relay-style list fields (cities, parks, …): filters, keyset pagination, totalCount. Each
 * filter field's value is turned into the parameter its condition reads (list-queries.ts): names
 * into ids, words into stored values, text into its searchable form.
 */
import { BadUserInputError } from '../errors.js';
import { docNumberKey, normalizeText } from '../text/chinese.js';
import type { GraphContext } from './context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { LIST_FILTERS } from './list-queries.js';
import type { NodeProps } from './node-props.js';
import { MAX_PAGE, pageSize } from './page-sizes.js';
import { issuersIn, resolveReference } from './references.js';

type FilterInput = Record<string, unknown>;

interface ListArgs {
  filter?: FilterInput | null;
  first?: number | null;
  after?: string | null;
}

/** The kinds a filter that names something names. */
const REFERENCES: Record<string, string[]> = {
  city: ['City'],
  park: ['Park'],
  chain: ['IndustryChain'],
  designation: ['Designation'],
};

/** The parameter a filter field's condition reads, from what the client gave. */
async function parameter(ctx: GraphContext, field: string, value: unknown): Promise<unknown> {
  if (value == null) return null;
  const where = `filter.${field}`;
  // The SDL types these String: a name or an id.
  if (field in REFERENCES) return resolveReference(ctx, value as string, REFERENCES[field]!, where);
  if (field === 'issuer') return issuersIn(ctx, value as string, where);
  if (Array.isArray(value)) return value.length ? value : null;
  if (typeof value === 'string') {
    const text = value.trim();
    if (!text) throw new BadUserInputError(`${where} must not be empty`, where);
    if (text.length > 200) throw new BadUserInputError(`${where} is longer than 200 characters`, where);
    if (field === 'docNumber') return docNumberKey(text);
    // nameContains, metric: compared with the normalised text the graph keeps.
    return normalizeText(text);
  }
  return value;
}

/** The list field `list` of a kind, with the filters its SDL input declares. */
export function listResolver(kind: string, list: string) {
  const filters = LIST_FILTERS[kind];
  if (!filters) throw new Error(`no list texts for ${kind}`);
  return async (_: unknown, args: ListArgs, ctx: GraphContext) => {
    const limit = pageSize(args.first, MAX_PAGE);
    const after = decodeCursor(args.after);
    const f = args.filter ?? {};
    if (typeof f.minAmountYi === 'number' && typeof f.maxAmountYi === 'number' && f.minAmountYi > f.maxAmountYi)
      throw new BadUserInputError(
        `minAmountYi (${f.minAmountYi}) is greater than maxAmountYi (${f.maxAmountYi})`,
        'filter',
      );
    const values = await Promise.all(filters.fields.map((field) => parameter(ctx, field, f[field])));
    const params: Record<string, unknown> = Object.fromEntries(filters.fields.map((field, i) => [field, values[i]]));
    const related = filters.related.some((field) => params[field] != null);
    const { page, count } = related
      ? { page: filters.queries.relatedPage!, count: filters.queries.relatedCount! }
      : filters.queries;
    const [rows, total] = await Promise.all([
      ctx.read<{ node: NodeProps }>(page, { ...params, after, limit: limit + 1 }),
      ctx.read<{ total: number }>(count, params),
    ]);
    const nodes = rows.slice(0, limit).map((r) => r.node);
    ctx.returned(nodes.length, list);
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
