/** Root Query fields. */
import { countGraph } from '../seeding/graph-counts.js';
import type { GraphContext } from './context.js';
import { badInput } from './errors.js';
import { DOCUMENT_COUNTS } from './graph-queries.js';
import { listResolver, MAX_PAGE } from './list-resolvers.js';
import { chainLeaders } from './questions/chain-leaders.js';
import { connections } from './questions/connections.js';
import { investmentSummary } from './questions/investment-summary.js';
import { search } from './questions/search.js';

const toCounts = (o: Record<string, number>) => Object.entries(o).map(([name, count]) => ({ name, count }));

export const queryResolvers = {
  Query: {
    node: (_: unknown, { id }: { id: string }, ctx: GraphContext) => ctx.entity.load(id),
    nodes: (_: unknown, { ids }: { ids: string[] }, ctx: GraphContext) => {
      if (ids.length > MAX_PAGE) throw badInput(`ids: at most ${MAX_PAGE} ids per request, got ${ids.length}`, 'ids');
      return ctx.entity.loadMany(ids);
    },
    cities: listResolver('City'),
    parks: listResolver('Park'),
    enterprises: listResolver('Enterprise'),
    projects: listResolver('Project'),
    chains: listResolver('IndustryChain'),
    policies: listResolver('Policy'),
    organizations: listResolver('Organization'),
    indicators: listResolver('Indicator'),
    regions: listResolver('Region'),
    designations: listResolver('Designation'),
    reports: listResolver('Report'),
    documents: listResolver('Document'),
    search,
    chainLeaders,
    connections,
    investmentSummary,
    stats: async (_: unknown, __: unknown, ctx: GraphContext) => {
      const [counts, docs] = await Promise.all([
        countGraph(ctx),
        ctx.read<{ document: string; entities: number; relationships: number }>(DOCUMENT_COUNTS),
      ]);
      return {
        nodes: toCounts(counts.nodes),
        relationships: toCounts(counts.relationships),
        documents: docs.map((d) => ({
          document: () => ctx.entity.load(d.document),
          entities: d.entities,
          relationships: d.relationships,
        })),
      };
    },
  },
};
