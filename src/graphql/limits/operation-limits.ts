/**
 * Limits every operation must pass before it touches the store: depth, aliases, tokens and
 * directives (graphql-armor), and the complexity budget with page-size bounds (complexityRule).
 * Rejections carry extensions.code QUERY_TOO_COMPLEX and extensions.limit naming the limit.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { MAX_RELATIONS } from '../entity-resolvers.js';
import { MAX_PAGE } from '../list-resolvers.js';
import { MAX_SEARCH_PAGE } from '../questions/search.js';
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

/** Root lists default to 20 and take up to MAX_PAGE; relationship lists default to 100 (typical 10). */
const PAGE_SIZES: PageSizes = {
  max: (field, declared) =>
    field === 'search'
      ? MAX_SEARCH_PAGE
      : field === 'connections'
        ? 20
        : declared !== undefined && declared <= 20
          ? MAX_PAGE
          : MAX_RELATIONS,
  unspecified: (field, declared) =>
    declared !== undefined && declared <= 20 ? declared : field === 'search' ? 10 : LIMITS.typicalRelations,
};

export function operationLimits(production: boolean) {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true, exposeLimits: true },
    maxAliases: { n: LIMITS.maxAliases, exposeLimits: true },
    maxTokens: { n: LIMITS.maxTokens, exposeLimits: true },
    maxDirectives: { n: LIMITS.maxDirectives, exposeLimits: true },
    // Our complexityRule replaces armor's cost limit: it also counts default and variable page sizes.
    costLimit: { enabled: false },
    // Suggestions ("did you mean …") help developers and map the schema for attackers.
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();
  return {
    plugins: protection.plugins,
    validationRules: [...protection.validationRules, complexityRule(LIMITS.maxCost, PAGE_SIZES)],
    allowBatchedHttpRequests: false,
  };
}

/** graphql-armor reports its rejections as plain validation errors; these name which limit. */
export const ARMOR_REJECTIONS: Array<[RegExp, string]> = [
  [/depth limit/i, 'depth'],
  [/aliases limit/i, 'aliases'],
  [/token limit/i, 'tokens'],
  [/directives limit/i, 'directives'],
];
