/**
 * The root Query fields. Each question lives in questions/ with its Cypher beside its resolver;
 * the lists in list-resolvers.ts with list-queries.ts, one per connection field of the SDL.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { BadUserInputError } from '../errors.js';
import type { GraphContext } from './context.js';
import { compileNode } from './list-compiler.js';
import { listResolver } from './list-resolvers.js';
import type { NodeProps } from './node-props.js';
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
    // With relationship fields selected, one query answers the entity and them (list-compiler.ts).
    node: async (_: unknown, { id }: { id: string }, ctx: GraphContext, info: GraphQLResolveInfo) => {
      const compiled = compileNode(id, info);
      if (!compiled) return ctx.entity.load(id);
      const [row] = await ctx.read<Record<string, unknown>>(compiled.cypher, compiled.params);
      // Whole, as the loader reads it: later loads of the same entity (evidence documents, …) need no call.
      const whole = row?.node as NodeProps | undefined;
      if (whole) ctx.entity.prime(whole.id, whole);
      return compiled.answer(row);
    },
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
