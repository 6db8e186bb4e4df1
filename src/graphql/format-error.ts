/**
 * What clients see of an error: a stable extensions.code (src/errors.ts), a clear message for
 * their own mistakes, and nothing internal (no stack, no Cypher, no paths) for ours. Full detail
 * goes to the server log with the request id. Errors are told apart by class and by the code our
 * own validation rules and armor's rejection hooks (limits/operation-limits.ts) put on them.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ChainAtlasError, ERROR_CODES, ErrorCode, StoreUnavailableError } from '../errors.js';

/** Codes our validation rules and limit hooks set; Apollo refiles such errors as validation or parse failures. */
const REQUEST_CODES = new Set<unknown>([ErrorCode.QUERY_TOO_COMPLEX, ErrorCode.BAD_USER_INPUT]);

/** The first error of ours along the originalError chain (Apollo wraps validation and parse errors). */
function ownError(error: unknown): ChainAtlasError | GraphQLError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof ChainAtlasError) return current;
    if (current instanceof GraphQLError && REQUEST_CODES.has(current.extensions.code)) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

export function formatError(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const base = { locations: formatted.locations, path: formatted.path };
    const own = ownError(unwrapResolverError(error)) ?? ownError(error);

    if (own instanceof StoreUnavailableError) {
      // Not logged per request: the circuit breaker logs each change of the store's state once,
      // with the reason, and the operation's log line has the code.
      logger.debug({ err: own }, 'store unavailable');
      return {
        ...base,
        message: 'The graph store is unavailable; try again shortly.',
        extensions: { code: own.code },
      };
    }
    // TIMEOUT, OVERLOADED, BAD_USER_INPUT …: their messages are written for the caller.
    if (own instanceof ChainAtlasError && own.userFacing)
      return { ...base, message: own.message, extensions: { code: own.code, ...own.extensions } };
    if (own instanceof GraphQLError) return { ...base, message: own.message, extensions: { ...own.extensions } };

    const code = formatted.extensions?.code;
    if (
      !(own instanceof ChainAtlasError) &&
      code !== ErrorCode.INTERNAL_SERVER_ERROR &&
      ERROR_CODES.includes(code as ErrorCode)
    ) {
      // graphql-js and Apollo's own (parse, validation, variable coercion): their messages are for the client.
      const { stacktrace: _, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: own ?? unwrapResolverError(error), path: formatted.path }, 'internal error');
    return {
      ...base,
      message: production ? 'Internal server error' : `Internal server error: ${formatted.message}`,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
