/**
 * Errors that happen before GraphQL runs (malformed JSON, a body over the limit, a wrong content
 * type): a 4xx JSON answer with a code, never Express's HTML page or a stack trace.
 */
import type { ErrorRequestHandler } from 'express';

export const httpErrorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 600 ? error.status : 500;
  const code =
    error?.type === 'entity.too.large'
      ? 'PAYLOAD_TOO_LARGE'
      : error?.type === 'entity.parse.failed'
        ? 'MALFORMED_JSON'
        : status < 500
          ? 'BAD_REQUEST'
          : 'INTERNAL_SERVER_ERROR';
  const message =
    code === 'PAYLOAD_TOO_LARGE'
      ? `request body is larger than the ${error.limit} byte limit`
      : code === 'MALFORMED_JSON'
        ? 'request body is not valid JSON'
        : status < 500
          ? String(error?.message ?? 'bad request')
          : 'Internal server error';
  if (status >= 500) req.log?.error({ err: error }, 'unhandled http error');
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};
