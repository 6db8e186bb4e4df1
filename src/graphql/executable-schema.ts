/** The GraphQL schema: SDL from schema/*.graphql bound to the resolvers. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { entityResolvers } from './entity-resolvers.js';
import { evidenceSentenceResolvers } from './evidence-sentence.js';
import { queryResolvers } from './query-resolvers.js';

export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

export function readTypeDefs(dir = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
}

export interface SchemaOptions {
  /** The source documents, for Evidence.sentence; without them that field is null. */
  corpusDir?: string;
  logger?: Logger;
}

export function buildSchema({ corpusDir, logger }: SchemaOptions = {}): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readTypeDefs(),
    resolvers: [entityResolvers(), queryResolvers, evidenceSentenceResolvers(corpusDir, logger)],
    resolverValidationOptions: { requireResolversToMatchSchema: 'error', requireResolversForResolveType: 'error' },
  });
}
