/** investmentSummary(groupBy, city, chain): project investment totals with the projects behind them. */
import type { GraphContext } from '../context.js';
import {
  PROJECT_SUMMARY,
  PROJECT_SUMMARY_IN_CITIES,
  PROJECT_SUMMARY_IN_CITIES_OF_CHAINS,
  PROJECT_SUMMARY_OF_CHAINS,
} from '../graph-queries.js';
import { loadAll } from '../entity-resolvers.js';
import type { NodeProps } from '../node-props.js';
import { resolveReference } from '../references.js';

type Grouping = 'CITY' | 'CHAIN' | 'STATUS' | 'DOCUMENT';
const UNSTATED = '(not stated)';

interface GroupRow {
  key: string | null;
  label: string | null;
  projectCount: number;
  total: number | null;
  withAmount: number;
  projectIds: string[];
}

const amountOf = (p: NodeProps) => (typeof p.amountYi === 'number' ? p.amountYi : -1);

export async function investmentSummary(
  _: unknown,
  args: { groupBy: Grouping; city?: string | null; chain?: string | null },
  ctx: GraphContext,
) {
  const [cities, chains] = await Promise.all([
    args.city != null ? resolveReference(ctx, args.city, ['City'], 'city') : null,
    args.chain != null ? resolveReference(ctx, args.chain, ['IndustryChain'], 'chain') : null,
  ]);
  const cypher = cities
    ? chains
      ? PROJECT_SUMMARY_IN_CITIES_OF_CHAINS
      : PROJECT_SUMMARY_IN_CITIES
    : chains
      ? PROJECT_SUMMARY_OF_CHAINS
      : PROJECT_SUMMARY;
  const rows = await ctx.read<GroupRow>(cypher, { groupBy: args.groupBy, cities, chains });
  return rows
    .map((row) => ({
      key: row.key ?? UNSTATED,
      label: row.key == null ? UNSTATED : (row.label ?? row.key),
      totalAmountYi: Math.round((row.total ?? 0) * 100) / 100,
      projectCount: row.projectCount,
      projectsWithAmount: row.withAmount,
      // Resolved only when selected (graphql-js calls function-valued fields), each in one batched query.
      entity: () => (row.key != null && args.groupBy !== 'STATUS' ? ctx.entity.load(row.key) : null),
      projects: async () => {
        const projects = (await loadAll(ctx, row.projectIds)).filter((p): p is NodeProps => p !== null);
        return projects.sort((a, b) => amountOf(b) - amountOf(a) || (a.id < b.id ? -1 : 1));
      },
    }))
    .sort((a, b) => b.totalAmountYi - a.totalAmountYi || (a.key < b.key ? -1 : 1));
}
