/**
 * Errors that happen before GraphQL runs (malformed JSON, a body over the limit, a wrong content
 * type): a 4xx JSON answer with a code from src/errors.ts, never Express's HTML page or a stack trace.
 */
import type { ErrorRequestHandler } from 'express';
import { ErrorCode } from '../errors.js';

/** What body-parser (express.json) and http-errors put on the errors they raise. */
interface HttpError {
  status?: unknown;
  type?: unknown;
  limit?: unknown;
  message?: unknown;
}

export const httpErrorHandler: ErrorRequestHandler = (error: HttpError | undefined, req, res, _next) => {
  const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 600 ? error.status : 500;
  const code =
    error?.type === 'entity.too.large'
      ? ErrorCode.PAYLOAD_TOO_LARGE
      : error?.type === 'entity.parse.failed'
        ? ErrorCode.MALFORMED_JSON
        : status < 500
          ? ErrorCode.BAD_REQUEST
          : ErrorCode.INTERNAL_SERVER_ERROR;
  const message =
    code === ErrorCode.PAYLOAD_TOO_LARGE
      ? `request body is larger than the ${String(error?.limit)} byte limit`
      : code === ErrorCode.MALFORMED_JSON
        ? 'request body is not valid JSON'
        : status < 500
          ? typeof error?.message === 'string'
            ? error.message
            : 'bad request'
          : 'Internal server error';
  if (status >= 500) req.log?.error({ err: error }, 'unhandled http error');
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};
