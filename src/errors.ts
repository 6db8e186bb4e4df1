/**
 * The one error module: every code a client or an operator can see, and the classes every
 * ChainAtlas error is made of. Handlers (GraphQL formatting, HTTP, CLI) check classes and codes
 * from here, never error names or messages. README.md's error tables list exactly these codes
 * (src/errors.test.ts checks that they agree).
 */

/** Codes a client can rely on (`extensions.code`), and the codes of the command-line tools. */
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
  /** Command line only: an environment variable is wrong. */
  BAD_CONFIGURATION: 'BAD_CONFIGURATION',
  /** Command line only: a seed file is invalid (build:cypher). */
  BAD_SEED: 'BAD_SEED',
  /** Command line only: a Cypher script statement failed (seed). */
  SCRIPT_FAILED: 'SCRIPT_FAILED',
  /** Command line only: a command was called wrongly or not confirmed. */
  BAD_USAGE: 'BAD_USAGE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ERROR_CODES = Object.values(ErrorCode);

/**
 * Base of every ChainAtlas error. `userFacing`: the message is meant for the caller and is shown
 * as it is (also in production); otherwise only the code reaches an API client and the detail
 * goes to the log. `extensions`: what GraphQL clients get beside the code.
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

  get extensions(): Record<string, unknown> {
    return {};
  }
}

/** An argument of a request is wrong; `field` names it (extensions.field). */
export class BadUserInputError extends ChainAtlasError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(ErrorCode.BAD_USER_INPUT, message, true);
  }

  override get extensions(): Record<string, unknown> {
    return this.field ? { field: this.field } : {};
  }
}

/**
 * A request asks for more than the limits allow; code QUERY_TOO_COMPLEX. `limit` names the limit
 * (cost: the rows estimated before execution; rows: the rows returned so far) and `field` where
 * it was reached; the message says how to ask for less.
 */
export class QueryTooComplexError extends ChainAtlasError {
  constructor(
    message: string,
    readonly limit: 'cost' | 'rows',
    readonly field?: string,
  ) {
    super(ErrorCode.QUERY_TOO_COMPLEX, message, true);
  }

  override get extensions(): Record<string, unknown> {
    return { limit: this.limit, ...(this.field ? { field: this.field } : {}) };
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
 * The engine refused a query (syntax, an unknown procedure or index, a constraint): a fault of
 * ours, never the client's, so the message (which may hold Cypher) stays in the log.
 */
export class StoreQueryError extends ChainAtlasError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCode.INTERNAL_SERVER_ERROR, message, false, options);
  }
}

/**
 * A file of the query library (cypher/queries/) is malformed, or one of its :param values is not
 * a Cypher literal: the operator's to fix, so the Browser guide fails to render (the detail goes
 * to the log, the client gets a plain 500).
 */
export class QueryFileError extends ChainAtlasError {
  constructor(message: string) {
    super(ErrorCode.INTERNAL_SERVER_ERROR, message, false);
  }
}

/** An environment variable is wrong; the message is one line per variable. */
export class ConfigError extends ChainAtlasError {
  constructor(message: string) {
    super(ErrorCode.BAD_CONFIGURATION, message, true);
  }
}

/** Invalid seed files: every problem, each with its file, entry and field. */
export class SeedError extends ChainAtlasError {
  constructor(readonly problems: string[]) {
    super(
      ErrorCode.BAD_SEED,
      `${problems.length} problem(s) in the seeds:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      true,
    );
  }
}

/** A script statement that failed; the message says where (file:line) and why. */
export class ScriptError extends ChainAtlasError {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly statement: string,
    override readonly cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    super(
      ErrorCode.SCRIPT_FAILED,
      `${source}:${line}: ${reason}\n  in: ${statement.replace(/\s+/g, ' ').slice(0, 160)}`,
      true,
      { cause },
    );
  }
}

/** A command was called wrongly, or the user did not confirm: one line, no stack trace. */
export class UsageError extends ChainAtlasError {
  constructor(message: string) {
    super(ErrorCode.BAD_USAGE, message, true);
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
