/**
 * Per-client rate limit (express-rate-limit, in-memory, per process): at most `max` requests per
 * `windowMs` from one address, then 429 RATE_LIMITED with Retry-After and the IETF RateLimit
 * headers. The address is the socket's, or the one the trusted proxies forwarded (TRUST_PROXY);
 * IPv6 clients count per /56, as one household or host usually holds one. Loopback clients
 * (local tools, health checks, the test suite, `npm run load`) are not limited unless asked.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ErrorCode } from '../errors.js';

export interface RateLimitOptions {
  /** Requests per window per client; 0 turns the limit off. */
  max: number;
  windowMs: number;
  /** Whether loopback clients are limited too (tests of the limit itself). */
  limitLoopback?: boolean;
}

export const RATE_LIMIT_DEFAULTS: RateLimitOptions = { max: 600, windowMs: 60_000 };

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

export function rateLimiting({ max, windowMs, limitLoopback = false }: RateLimitOptions): RequestHandler {
  if (max === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs,
    limit: max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ipv6Subnet: 56,
    skip: (req) => !limitLoopback && LOOPBACK.test(req.ip ?? ''),
    handler: (_req, res) => {
      res.status(429).json({
        errors: [
          {
            message: `rate limit: more than ${max} requests in ${Math.round(windowMs / 1000)} s from this client; retry after the time in Retry-After`,
            extensions: { code: ErrorCode.RATE_LIMITED },
          },
        ],
      });
    },
  });
}
