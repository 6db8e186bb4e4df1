/**
 * Limits every operation must pass before it touches the store: depth, aliases, tokens and
 * directives (graphql-armor), and the complexity budget with page-size bounds (complexityRule).
 * Rejections carry extensions.code QUERY_TOO_COMPLEX and extensions.limit naming the limit: armor's
 * onReject hooks put them on its errors, so nothing downstream reads armor's messages.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ValidationContext } from 'graphql';
import { ErrorCode } from '../../errors.js';
import { MAX_PAGE, MAX_PATHS, MAX_RELATIONS, MAX_SEARCH_PAGE } from '../page-sizes.js';
import { relationField } from '../relation-model.js';
import { complexityRule, type PageSizes } from './complexity-rule.js';

export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2_000,
  maxDirectives: 20,
  maxCost: 50_000,
  /** What a relationship list without `first` is assumed to return, for the cost. */
  typicalRelations: 10,
} as const;

/** Whether a field follows relationships: declared with @relation, or relations(types, direction). */
const followsRelationships = (parent: string, field: string) =>
  relationField(parent, field) !== undefined || field === 'relations';

/**
 * The bounds page-sizes.ts sets, by field: relationship fields take up to MAX_RELATIONS and count
 * at their typical size when `first` is not given; root fields take their own bound and count
 * at their declared default.
 */
const PAGE_SIZES: PageSizes = {
  max: (parent, field) =>
    followsRelationships(parent, field)
      ? MAX_RELATIONS
      : field === 'search'
        ? MAX_SEARCH_PAGE
        : field === 'connections'
          ? MAX_PATHS
          : MAX_PAGE,
  unspecified: (parent, field, declared) =>
    followsRelationships(parent, field) ? LIMITS.typicalRelations : (declared ?? LIMITS.typicalRelations),
};

/**
 * Armor's onReject hook for one limit (with propagateOnRejection off, so armor does not report
 * its own copy coded BAD_USER_INPUT): the rejection is reported with our code and the limit's
 * name. The token limit rejects while parsing, where there is no validation context: it throws,
 * which stops the parse. Armor words every rejection as a "Syntax Error:", which it is not.
 */
const rejectAs =
  (limit: 'depth' | 'aliases' | 'tokens' | 'directives') =>
  (context: ValidationContext | null, error: GraphQLError): void => {
    const rejection = new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
      extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit },
    });
    if (!context) throw rejection;
    context.reportError(rejection);
  };
const rejections = (limit: Parameters<typeof rejectAs>[0]) => ({
  onReject: [rejectAs(limit)],
  propagateOnRejection: false,
});

/**
 * Armor rejects by throwing from Apollo's parsing and validation hooks, so its errors, and the
 * syntax errors of the parse its token counter makes, reach Apollo as unexpected errors, where
 * armor's own plugin refiles every one as GRAPHQL_VALIDATION_FAILED without a link to the
 * original. This hook runs first (plugins are asked in order, and the first to throw decides):
 * the token limit's rejection keeps the code and limit rejectAs gave it; anything else thrown
 * before Apollo had parsed the document is a syntax error found by the token counter's parse
 * (whose GraphQLError is graphql's CommonJS class, so it is told by when, not by class).
 */
function keepRejections(): ApolloServerPlugin {
  return {
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      if (error instanceof GraphQLError && error.extensions.code === ErrorCode.QUERY_TOO_COMPLEX) throw error;
      if (requestContext.document === undefined && requestContext.source !== undefined)
        throw new GraphQLError(error.message, {
          originalError: error,
          extensions: { code: ErrorCode.GRAPHQL_PARSE_FAILED },
        });
    },
  };
}

export function operationLimits(production: boolean) {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true, exposeLimits: true, ...rejections('depth') },
    maxAliases: { n: LIMITS.maxAliases, exposeLimits: true, ...rejections('aliases') },
    maxTokens: { n: LIMITS.maxTokens, exposeLimits: true, ...rejections('tokens') },
    maxDirectives: { n: LIMITS.maxDirectives, exposeLimits: true, ...rejections('directives') },
    // Our complexityRule replaces armor's cost limit: it also counts default and variable page sizes.
    costLimit: { enabled: false },
    // Suggestions ("did you mean …") help developers and map the schema for attackers.
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();
  return {
    plugins: [keepRejections(), ...protection.plugins],
    validationRules: [...protection.validationRules, complexityRule(LIMITS.maxCost, PAGE_SIZES)],
    allowBatchedHttpRequests: false,
  };
}
