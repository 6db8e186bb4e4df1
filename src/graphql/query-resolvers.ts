/**
 * The root Query fields. Each question lives in questions/ with its Cypher beside its resolver;
 * the lists in list-resolvers.ts with list-queries.ts, one per connection field of the SDL.
 */
import { BadUserInputError } from '../errors.js';
import type { GraphContext } from './context.js';
import { listResolver } from './list-resolvers.js';
import { MAX_PAGE } from './page-sizes.js';
import { listFields } from './relation-model.js';
import { chainLeaders } from './questions/chain-leaders.js';
import { connections } from './questions/connections.js';
import { facts } from './questions/facts.js';
import { investmentSummary } from './questions/investment-summary.js';
import { search } from './questions/search.js';
import { stats } from './questions/stats.js';

export const queryResolvers = {
  Query: {
    node: (_: unknown, { id }: { id: string }, ctx: GraphContext) => ctx.entity.load(id),
    nodes: (_: unknown, { ids }: { ids: string[] }, ctx: GraphContext) => {
      if (ids.length > MAX_PAGE)
        throw new BadUserInputError(`ids: at most ${MAX_PAGE} ids per request, got ${ids.length}`, 'ids');
      ctx.returned(ids.length, 'nodes');
      return ctx.entity.loadMany(ids);
    },
    // cities, parks, …: every Query field whose type is a connection of one kind.
    ...Object.fromEntries(listFields().map(({ field, kind }) => [field, listResolver(kind, field)])),
    facts,
    search,
    chainLeaders,
    connections,
    investmentSummary,
    stats,
  },
};
