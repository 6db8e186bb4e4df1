/** One log line per HTTP request with a request id (x-request-id in and out) and its duration. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';

const REQUEST_ID = /^[\w.:-]{1,64}$/;

export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    // 503 is a refusal (store down: the circuit breaker logs that once; overload), not a fault.
    customLogLevel: (_req, res, error) =>
      res.statusCode === 503 && !error
        ? 'warn'
        : error || res.statusCode >= 500
          ? 'error'
          : res.statusCode >= 400
            ? 'warn'
            : 'info',
    // For a 5xx without an error, pino-http makes up "failed with status code N" with a stack
    // trace of its own code: noise, one per request. The real error, if any, is logged where it
    // happened, with the request id.
    customErrorObject: (_req, res, error, logged) =>
      error.message === `failed with status code ${res.statusCode}` ? { ...logged, err: undefined } : logged,
    serializers: {
      req: (req) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res) => ({ statusCode: res.statusCode }),
    },
  });
}
