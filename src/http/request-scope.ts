/**
 * The request id of the code running now, for logs written far from the request (the process's
 * unhandled-rejection handler, callbacks of the store): AsyncLocalStorage follows promise chains
 * and timers started inside the request, so whatever a request started still knows its id.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';

const scope = new AsyncLocalStorage<{ requestId: string }>();

export const currentRequestId = (): string | undefined => scope.getStore()?.requestId;

/**
 * Runs the rest of the chain inside the request's scope. Mount it after the body parser: parsing
 * resumes in the socket's context, not the request's.
 */
export const requestScope: RequestHandler = (req, _res, next) => scope.run({ requestId: String(req.id) }, next);
