/** The GraphQL schema: SDL from schema/*.graphql bound to the resolvers. */
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { entityResolvers } from './entity-resolvers.js';
import { evidenceSentenceResolvers } from './evidence-sentence.js';
import { queryResolvers } from './query-resolvers.js';
import { relationResolvers } from './relationships.js';
import { readTypeDefs } from './type-defs.js';
import { acceptVocabularyWords, vocabularyResolvers } from './vocabularies.js';

export interface SchemaOptions {
  /** The source documents, for Evidence.sentence; without them that field is null. */
  corpusDir?: string;
  logger?: Logger;
}

export function buildSchema({ corpusDir, logger }: SchemaOptions = {}): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: readTypeDefs(),
    resolvers: [
      vocabularyResolvers(),
      entityResolvers(),
      relationResolvers(),
      queryResolvers,
      evidenceSentenceResolvers(corpusDir, logger),
    ],
    resolverValidationOptions: { requireResolversToMatchSchema: 'error', requireResolversForResolveType: 'error' },
  });
  return acceptVocabularyWords(schema);
}
