/**
 * Apollo plugin: a response that carries OVERLOADED or SERVICE_UNAVAILABLE is an HTTP 503 with
 * Retry-After, so load balancers, proxies and HTTP clients back off the standard way. Any data
 * the request did produce stays in the body beside the errors.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../errors.js';

type RetryableCode = typeof ErrorCode.OVERLOADED | typeof ErrorCode.SERVICE_UNAVAILABLE;
const RETRYABLE: readonly string[] = [ErrorCode.OVERLOADED, ErrorCode.SERVICE_UNAVAILABLE];

export function retryAfterStatus<C extends object>(
  retryAfterSeconds: (code: RetryableCode) => number,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const code = response.body.singleResult.errors
            ?.map((e) => e.extensions?.code)
            .find((c): c is RetryableCode => typeof c === 'string' && RETRYABLE.includes(c));
          if (!code) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(retryAfterSeconds(code)));
        },
      };
    },
  };
}
