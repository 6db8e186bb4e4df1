/**
 * The Relay-style list fields (cities, parks, …): filters, keyset pagination, totalCount, and the
 * nested fields the selection asks for, in one store call per request (list-compiler.ts).
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphContext } from './context.js';
import { compileList, type ListArgs } from './list-compiler.js';

/** The list field `list` of a kind, with the filters its SDL input declares. */
export function listResolver(kind: string, list: string) {
  return async (_: unknown, args: ListArgs, ctx: GraphContext, info: GraphQLResolveInfo) => {
    const compiled = compileList(kind, list, args, info);
    const [row] = await ctx.read<Record<string, unknown>>(compiled.cypher, compiled.params);
    return compiled.answer(row, ctx);
  };
}
