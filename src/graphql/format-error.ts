/**
 * What clients see of an error: a stable extensions.code, a clear message for their own
 * mistakes, and nothing internal (no stack, no Cypher, no paths) for ours. Full detail goes to
 * the server log with the request id.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ChainAtlasError, ERROR_CODES, StoreUnavailableError } from '../errors.js';
import { ARMOR_REJECTIONS } from './limits/operation-limits.js';

export function formatError(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const cause = unwrapResolverError(error);
    const code = formatted.extensions?.code as string | undefined;
    const base = { locations: formatted.locations, path: formatted.path };

    if (cause instanceof StoreUnavailableError) {
      // Not logged per request: the circuit breaker logs each change of the store's state once,
      // with the reason, and the operation's log line has the code.
      logger.debug({ err: cause }, 'store unavailable');
      return {
        ...base,
        message: 'The graph store is unavailable; try again shortly.',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    }
    // TIMEOUT, OVERLOADED: their messages are written for the caller.
    if (cause instanceof ChainAtlasError && cause.userFacing) {
      return { ...base, message: cause.message, extensions: { code: cause.code } };
    }
    // graphql-armor rejects with plain errors (filed as BAD_USER_INPUT or validation failures).
    const limit =
      code !== 'INTERNAL_SERVER_ERROR'
        ? ARMOR_REJECTIONS.find(([pattern]) => pattern.test(formatted.message))?.[1]
        : undefined;
    if (limit) {
      return {
        message: formatted.message.replace(/^Syntax Error: /, ''),
        locations: formatted.locations,
        extensions: { code: 'QUERY_TOO_COMPLEX', limit },
      };
    }
    // Our validation rules set their own code; Apollo refiles them under GRAPHQL_VALIDATION_FAILED.
    const own = (error as { originalError?: { extensions?: Record<string, unknown> } })?.originalError?.extensions;
    if (code === 'GRAPHQL_VALIDATION_FAILED' && (own?.code === 'QUERY_TOO_COMPLEX' || own?.code === 'BAD_USER_INPUT')) {
      return { message: formatted.message, locations: formatted.locations, extensions: { ...own } };
    }
    if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED') {
      // armor's token counter parses first, so a syntax error can arrive as a validation failure.
      const parse = code === 'GRAPHQL_PARSE_FAILED' || formatted.message.startsWith('Syntax Error:');
      return {
        message: formatted.message,
        locations: formatted.locations,
        extensions: { code: parse ? 'GRAPHQL_PARSE_FAILED' : code },
      };
    }
    if (code && code !== 'INTERNAL_SERVER_ERROR' && (ERROR_CODES as readonly string[]).includes(code)) {
      const { stacktrace: _, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: cause, path: formatted.path }, 'internal error');
    return {
      ...base,
      message: production ? 'Internal server error' : `Internal server error: ${formatted.message}`,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
