/**
 * The one error module: every code a client or an operator can see, and the base class every
 * ChainAtlas error extends. Handlers (GraphQL formatting, HTTP, CLI) check classes and codes
 * from here, never error names or messages.
 */

/** Codes a client can rely on, as documented in the README's error table. */
export const ErrorCode = {
  /** Not GraphQL. */
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  /** GraphQL, but not valid against the schema. */
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** An argument is wrong; the message says which and why. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** A depth, alias, token, directive or cost limit. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The request used up its time budget. */
  TIMEOUT: 'TIMEOUT',
  /** The store cannot be reached, or is known to be down (circuit open); HTTP 503 with Retry-After. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** The store is busy: no slot for this request's work within the queue wait; HTTP 503 with Retry-After. */
  OVERLOADED: 'OVERLOADED',
  /** This client sent more requests than the rate limit allows; HTTP 429 with Retry-After. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** A fault of ours; detail goes to the log only. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** HTTP-level rejections before GraphQL runs. */
  MALFORMED_JSON: 'MALFORMED_JSON',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  BAD_REQUEST: 'BAD_REQUEST',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ERROR_CODES = Object.values(ErrorCode);

/**
 * Base of every ChainAtlas error. `userFacing`: the message is meant for the caller and is shown
 * as it is (also in production); otherwise only the code reaches the caller and the detail goes
 * to the log.
 */
export class ChainAtlasError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly userFacing: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The store cannot be reached (down, wrong address, auth); code SERVICE_UNAVAILABLE. */
export class StoreUnavailableError extends ChainAtlasError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCode.SERVICE_UNAVAILABLE, message, true, options);
  }
}

/** A request or statement ran out of its time budget (QUERY_TIMEOUT_MS); code TIMEOUT. */
export class QueryTimeoutError extends ChainAtlasError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCode.TIMEOUT, message, true, options);
  }
}

/**
 * The store's concurrency limit was reached and no slot freed up within the queue wait; code
 * OVERLOADED. The request did no work, so trying again after `retryAfterSeconds` is safe.
 */
export class OverloadedError extends ChainAtlasError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(ErrorCode.OVERLOADED, message, true);
  }
}
