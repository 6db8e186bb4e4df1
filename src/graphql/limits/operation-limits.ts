/**
 * Limits every operation must pass before it touches the store: depth, aliases, tokens and
 * directives (graphql-armor), and the complexity budget with page-size bounds (complexityRule).
 * Rejections carry extensions.code QUERY_TOO_COMPLEX and extensions.limit naming the limit: armor's
 * onReject hooks put them on its errors, so nothing downstream reads armor's messages.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type ValidationContext, type ValueNode } from 'graphql';
import { ErrorCode } from '../../errors.js';
import { RELATIONSHIP_TYPES } from '../../knowledge/seed-schema.js';
import type { GraphContext } from '../context.js';
import { MAX_PAGE, MAX_PATHS, MAX_RELATIONS, MAX_SEARCH_PAGE } from '../page-sizes.js';
import { listFields, relationField, type Direction } from '../relation-model.js';
import { complexityRule, type FirstArgument, type RowModel } from './complexity-rule.js';
import type { FanOut } from './fan-out.js';

export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2_000,
  maxDirectives: 20,
  /** Rows a request may be estimated to return (complexityRule). */
  maxCost: 50_000,
  /** What a relationship list is assumed to return per row while the graph's statistics are unknown. */
  typicalRelations: 10,
} as const;

/** Every relationship type, for relations() without types. */
const ALL_TYPES = Object.keys(RELATIONSHIP_TYPES);
/** The kind each list field of Query lists. */
const LIST_KINDS = new Map(listFields().map((l) => [l.field, l.kind]));

/** The page a field returns when `first` is a literal, a variable (its maximum) or not given (its default). */
const pageOf = (first: FirstArgument, max: number, declared: number | undefined) =>
  typeof first === 'number' ? first : first === 'variable' ? max : (declared ?? max);

/** Enum values of a literal list argument (types: [PART_OF, LOCATED_IN]), or undefined for a variable. */
function enumList(value: ValueNode | undefined): string[] | undefined {
  if (!value) return undefined;
  if (value.kind === Kind.ENUM) return [value.value];
  if (value.kind === Kind.LIST) return value.values.flatMap((v) => (v.kind === Kind.ENUM ? [v.value] : []));
  return undefined;
}

/**
 * Rows per parent row, from the graph's fan-out where it is known: a relationship list returns
 * at most its page and at most what the 99th percentile of its owners have; a root list at most
 * its page and the number of nodes of its kind. Without statistics, a relationship list counts
 * at its page when `first` is given and at typicalRelations when not; a root list at its page.
 */
export function rowModel(fanOut: FanOut): RowModel {
  const maxFirst = (parent: string, field: string) =>
    relationField(parent, field) !== undefined || field === 'relations'
      ? MAX_RELATIONS
      : field === 'search'
        ? MAX_SEARCH_PAGE
        : field === 'connections'
          ? MAX_PATHS
          : MAX_PAGE;
  return {
    maxFirst,
    perParent(parent, field, first, declared, literal) {
      const relation = relationField(parent, field);
      if (relation?.single) return 1;
      const page = pageOf(first, maxFirst(parent, field), declared);
      if (relation || field === 'relations') {
        const types = relation ? relation.types : (enumList(literal('types')) ?? ALL_TYPES);
        const direction = relation
          ? relation.direction
          : ((enumList(literal('direction'))?.[0] as Direction | undefined) ?? 'BOTH');
        const p99 = fanOut.perNode(parent === 'Entity' ? null : parent, types, direction, relation?.kinds ?? null);
        if (p99 === undefined) return first === undefined ? LIMITS.typicalRelations : page;
        return Math.min(page, p99);
      }
      if (declared === undefined && first === undefined) return 1;
      const kind = parent === 'Query' ? LIST_KINDS.get(field) : undefined;
      const size = kind ? fanOut.size(kind) : undefined;
      return size === undefined ? page : Math.min(page, size);
    },
  };
}

/**
 * The hard stop behind the estimate: an answer that grows past its row cap (MAX_ROWS) while it runs
 * (GraphContext.returned) is replaced by that one error, rather than sent with a field error per
 * row that was cut off.
 */
function rowLimit(): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const stopped = contextValue.cost.stoppedAt;
          if (!stopped || response.body.kind !== 'single') return;
          response.body.singleResult = {
            errors: [
              {
                message: `the answer grew past ${contextValue.cost.maxRows} rows at ${stopped}; ask for smaller pages (first), a filter, or fewer nested lists`,
                extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'rows', field: stopped },
              },
            ],
          };
        },
      };
    },
  };
}

/** Reads the fan-out statistics before the first request is checked, and refreshes them now and then. */
function fanOutStatistics(fanOut: FanOut): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart({ contextValue }) {
      await fanOut.ready(contextValue.store);
    },
  };
}

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

export function operationLimits(production: boolean, fanOut: FanOut) {
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
    plugins: [keepRejections(), fanOutStatistics(fanOut), rowLimit(), ...protection.plugins],
    validationRules: [...protection.validationRules, complexityRule(LIMITS.maxCost, rowModel(fanOut))],
    allowBatchedHttpRequests: false,
  };
}
