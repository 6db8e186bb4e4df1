/**
 * The HTTP server around the app, with its time limits set on purpose rather than left at Node's
 * defaults (headers 60 s, whole request 300 s, checked every 30 s): a client that sends its
 * request slowly, or never finishes it, is answered 408 and disconnected within seconds, and an
 * idle keep-alive connection is closed. These bound receiving a request; answering it is bounded
 * by QUERY_TIMEOUT_MS.
 */
import { createServer, type Server } from 'node:http';
import type { Express } from 'express';

export interface HttpTimeouts {
  /** Time to receive a request's headers. */
  headersTimeoutMs: number;
  /** Time to receive a whole request, headers and body. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
}

export const HTTP_TIMEOUT_DEFAULTS: HttpTimeouts = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

export function createHttpServer(app: Express, timeouts: HttpTimeouts = HTTP_TIMEOUT_DEFAULTS): Server {
  return createServer(
    {
      headersTimeout: timeouts.headersTimeoutMs,
      requestTimeout: timeouts.requestTimeoutMs,
      keepAliveTimeout: timeouts.keepAliveTimeoutMs,
      // How often Node checks the two limits above (default 30 s, which would let a slow client
      // hold its connection for up to 30 s past them).
      connectionsCheckingInterval: Math.min(1_000, timeouts.headersTimeoutMs),
    },
    app,
  );
}
