/** The GraphQL schema: SDL from schema/*.graphql bound to the resolvers. */
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { entityResolvers } from './entity-resolvers.js';
import { queryResolvers } from './query-resolvers.js';
import { relationResolvers } from './relationships.js';
import { readTypeDefs } from './type-defs.js';

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readTypeDefs(),
    resolvers: [entityResolvers(), relationResolvers(), queryResolvers],
    resolverValidationOptions: { requireResolversToMatchSchema: 'error', requireResolversForResolveType: 'error' },
  });
}
