/**
 * One resolver per @relation field of the SDL (relation-model.ts): the relationships of the
 * field's types and direction to its kinds, batched per request level (context.ts), fetching only
 * the properties the selection reads. A list answers `first` (at most MAX_RELATIONS), a single
 * field its first neighbour by name; a `kinds` argument narrows the kinds at the other end.
 */
import type { IResolvers } from '@graphql-tools/utils';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphContext } from './context.js';
import type { NodeProps } from './node-props.js';
import { MAX_RELATIONS, pageSize } from './page-sizes.js';
import { RELATION_FIELDS, type RelationField, type RelationSpec } from './relation-model.js';
import { selectedProperties } from './selected-properties.js';

function resolveRelation(field: RelationField) {
  return async (
    n: NodeProps,
    args: { first?: number; kinds?: string[] | null },
    ctx: GraphContext,
    info: GraphQLResolveInfo,
  ) => {
    const spec: RelationSpec =
      field.kindsArgument && args.kinds?.length
        ? { ...field, kinds: field.kinds ? field.kinds.filter((k) => args.kinds!.includes(k)) : args.kinds }
        : field;
    const rows = await ctx.relations(spec, selectedProperties(info)).load(n.id);
    if (field.single) return rows[0]?.node ?? null;
    return rows.slice(0, pageSize(args.first, MAX_RELATIONS)).map((r) => r.node);
  };
}

export function relationResolvers(fields: readonly RelationField[] = RELATION_FIELDS): IResolvers {
  const resolvers: Record<string, Record<string, ReturnType<typeof resolveRelation>>> = {};
  for (const field of fields) (resolvers[field.owner] ??= {})[field.field] = resolveRelation(field);
  return resolvers;
}
